package com.helpboard.group;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface GroupBanRepository extends JpaRepository<GroupBan, GroupMembership.Key> {

	@Query("select b from GroupBan b where b.id.groupId = ?1 and b.bannedUntil > ?2 order by b.bannedUntil")
	List<GroupBan> activeIn(Long groupId, Instant now);

}
