package com.helpboard.group;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface GroupRepository extends JpaRepository<TopicGroup, Long> {

	Optional<TopicGroup> findBySlug(String slug);

	boolean existsBySlug(String slug);

	List<TopicGroup> findAllByOrderByIdAsc();

}
