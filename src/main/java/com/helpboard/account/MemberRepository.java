package com.helpboard.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.jpa.repository.Query;

interface MemberRepository extends JpaRepository<Member, Long>, MemberLocks {

	Optional<Member> findByUsernameKey(String usernameKey);

	boolean existsByUsernameKey(String usernameKey);

	// on PostgreSQL "for no key update": rows that merely reference the member (claims,
	// requests) still insert while it is held
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select m from Member m where m.id = ?1")
	Optional<Member> findForUpdate(Long id);

	@Query("select m.id from Member m where m.id in ?1 and m.suspendedAt is not null")
	List<Long> findSuspendedAmong(Collection<Long> ids);

	@Modifying(flushAutomatically = true)
	@NativeQuery("update members set standing = standing + :delta where id = any(:ids)")
	int changeStandings(Long[] ids, int delta);

}
