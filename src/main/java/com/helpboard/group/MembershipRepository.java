package com.helpboard.group;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MembershipRepository extends JpaRepository<GroupMembership, GroupMembership.Key> {

	@Query("select m.id.groupId from GroupMembership m where m.id.memberId = ?1")
	List<Long> groupIdsOf(Long memberId);

	@Query("select m.id.groupId, count(m) from GroupMembership m group by m.id.groupId")
	List<Object[]> countsByGroup();

	long countByIdGroupId(Long groupId);

	@Query("select m.id.groupId from GroupMembership m where m.id.memberId = ?1 and m.role <> com.helpboard.group.GroupRole.MEMBER")
	List<Long> moderatedBy(Long memberId);

	@Query("select m.id.memberId from GroupMembership m where m.id.groupId = ?1 and m.role = com.helpboard.group.GroupRole.MODERATOR order by m.joinedAt")
	List<Long> moderatorsOf(Long groupId);

}
