package com.helpboard.credit;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.repository.Repository;

/** Append-only on purpose: no update or delete methods. */
interface LedgerEntryRepository extends Repository<LedgerEntry, Long>, LedgerEntryInserts {

	LedgerEntry save(LedgerEntry entry);

	Optional<LedgerEntry> findByIdempotencyKey(String idempotencyKey);

	@NativeQuery("select idempotency_key from ledger_entries where idempotency_key = any(:keys)")
	List<String> existingKeys(String[] keys);

	Slice<LedgerEntry> findByMemberIdOrderByIdDesc(long memberId, Pageable pageable);

}
