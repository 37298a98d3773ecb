package com.helpboard.group;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface GroupRepository extends JpaRepository<TopicGroup, Long> {

	Optional<TopicGroup> findBySlug(String slug);

	/** The group with its member count, in one statement. */
	@Query("select g, (select count(m) from GroupMembership m where m.id.groupId = g.id) from TopicGroup g where g.slug = ?1")
	List<Object[]> findWithMemberCount(String slug);

	boolean existsBySlug(String slug);

	List<TopicGroup> findAllByOrderByIdAsc();

}
