package com.helpboard.moderation;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface LogRepository extends JpaRepository<LogEntry, Long> {

	Slice<LogEntry> findByOrderByIdDesc(Pageable page);

	Slice<LogEntry> findByGroupIdOrderByIdDesc(Long groupId, Pageable page);

	@Query("select e from LogEntry e where e.groupId is null or e.groupId in ?1 order by e.id desc")
	Slice<LogEntry> visible(Collection<Long> groupIds, Pageable page);

	/** The latest hides of these requests, newest first. */
	@Query("select e from LogEntry e where e.requestId in ?1 and e.action in (com.helpboard.moderation.LogAction.HIDE, com.helpboard.moderation.LogAction.AUTO_HIDE) order by e.id desc")
	List<LogEntry> hidesOf(Collection<Long> requestIds);

}
