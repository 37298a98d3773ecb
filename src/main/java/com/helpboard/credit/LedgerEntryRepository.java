package com.helpboard.credit;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Append-only on purpose: no update or delete methods. */
interface LedgerEntryRepository extends Repository<LedgerEntry, Long>, LedgerEntryInserts {

	LedgerEntry save(LedgerEntry entry);

	Optional<LedgerEntry> findByIdempotencyKey(String idempotencyKey);

	@Query("select e.idempotencyKey from LedgerEntry e where e.idempotencyKey in ?1")
	List<String> existingKeys(Collection<String> idempotencyKeys);

	Slice<LedgerEntry> findByMemberIdOrderByIdDesc(long memberId, Pageable pageable);

}
