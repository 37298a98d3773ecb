package com.helpboard.credit;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface CreditAccountRepository extends Repository<CreditAccount, Long>, CreditAccountOpening, CreditAccountWrites {

	/**
	 * Locks the member's account row until the transaction ends (SELECT … FOR UPDATE).
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from CreditAccount a where a.memberId = :memberId")
	Optional<CreditAccount> lock(long memberId);

	@Query("select a.balance from CreditAccount a where a.memberId = :memberId")
	Optional<Long> balanceOf(long memberId);

	@Query("select a.debt from CreditAccount a where a.memberId = :memberId")
	Optional<Long> debtOf(long memberId);

	@Query("select a.memberId as memberId, a.balance as balance from CreditAccount a where a.memberId in :memberIds")
	List<MemberBalance> balancesOf(Collection<Long> memberIds);

	interface MemberBalance {

		Long getMemberId();

		Long getBalance();

	}

}
