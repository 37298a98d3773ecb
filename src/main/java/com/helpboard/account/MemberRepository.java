package com.helpboard.account;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface MemberRepository extends JpaRepository<Member, Long> {

	Optional<Member> findByUsernameKey(String usernameKey);

	boolean existsByUsernameKey(String usernameKey);

}
