package com.helpboard.credit;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.repository.Repository;

interface BoostRepository extends Repository<Boost, Long> {

	Boost save(Boost boost);

	List<Boost> findByGroupIdAndStatusOrderByIdAsc(long groupId, BoostStatus status, Limit limit);

	List<Boost> findByRequestIdAndStatusOrderByIdAsc(long requestId, BoostStatus status);

	List<Boost> findByRequestIdOrderByIdDesc(long requestId);

	boolean existsByRequestIdAndStatusIn(long requestId, Collection<BoostStatus> statuses);

	/**
	 * Of the requests, those with a boost in one of the statuses: (request id, group id),
	 * in group order.
	 */
	@NativeQuery("select distinct group_id, request_id from boosts where request_id = any(:requestIds) and status = any(:statuses) order by group_id, request_id")
	List<Object[]> groupsOfRequestsWithBoostsIn(Long[] requestIds, String[] statuses);

	/**
	 * Groups where the scheduler has something to do: an active boost past its end or of
	 * a closed request, a queued boost of a closed request, or a queued boost while a
	 * slot is free. Reads the request and group tables (read only) so that a sweep over
	 * all groups stays one statement; the work itself re-checks through their facades.
	 */
	@NativeQuery("""
			select distinct b.group_id from boosts b
			join help_requests r on r.id = b.request_id
			where (b.status = 'ACTIVE' and (b.ends_at <= :now or r.status <> 'OPEN' or r.expires_at <= :now))
			   or (b.status = 'QUEUED' and (r.status <> 'OPEN' or r.expires_at <= :now
			       or (select count(*) from boosts a where a.group_id = b.group_id and a.status = 'ACTIVE')
			          < (select g.boost_slots from topic_groups g where g.id = b.group_id)))
			order by b.group_id
			limit :limit""")
	List<Long> groupsWithWork(Instant now, int limit);

}
