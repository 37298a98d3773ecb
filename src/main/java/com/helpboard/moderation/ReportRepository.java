package com.helpboard.moderation;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReportRepository extends JpaRepository<Report, Long> {

	boolean existsByRequestIdAndReporterId(Long requestId, Long reporterId);

	List<Report> findByRequestIdAndStatus(Long requestId, ReportStatus status);

	List<Report> findByRequestIdInOrderByIdAsc(Collection<Long> requestIds);

	@Query("select coalesce(sum(r.weight), 0) from Report r where r.requestId = ?1 and r.status = com.helpboard.moderation.ReportStatus.PENDING")
	BigDecimal pendingWeight(Long requestId);

	@Query("select distinct r.requestId from Report r where r.status = com.helpboard.moderation.ReportStatus.PENDING and r.groupId in ?1")
	List<Long> pendingIn(Collection<Long> groupIds);

	@Query("select distinct r.requestId from Report r where r.status = com.helpboard.moderation.ReportStatus.PENDING")
	List<Long> pending();

	/**
	 * Per request and reason, how many reports are not dismissed: request, reason, count.
	 */
	@Query("select r.requestId, r.reason, count(r) from Report r where r.requestId in ?1 and r.status <> com.helpboard.moderation.ReportStatus.DISMISSED group by r.requestId, r.reason order by r.requestId, count(r) desc")
	List<Object[]> reasonCounts(Collection<Long> requestIds);

}
