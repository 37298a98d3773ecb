package com.helpboard.credit;

import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.repository.Repository;

/** Append-only on purpose: no update or delete methods. */
interface LedgerEntryRepository extends Repository<LedgerEntry, Long> {

	LedgerEntry save(LedgerEntry entry);

	Optional<LedgerEntry> findByIdempotencyKey(String idempotencyKey);

	Slice<LedgerEntry> findByMemberIdOrderByIdDesc(long memberId, Pageable pageable);

}
