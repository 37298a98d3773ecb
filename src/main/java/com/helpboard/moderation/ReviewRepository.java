package com.helpboard.moderation;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReviewRepository extends JpaRepository<Review, Long> {

	@Query("select r.requestId from Review r where r.groupId in ?1")
	List<Long> waitingIn(Collection<Long> groupIds);

	@Query("select r.requestId from Review r")
	List<Long> waiting();

}
