package com.helpboard.stats;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.helpboard.system.ChinaTime;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Computes a China day's statistics rows from that day's requests and claims
 * (docs/stats.md). A day is computed in one transaction that deletes its rows and inserts
 * them anew from the day's slices of three indexes ({@code help_requests_created},
 * {@code help_requests_closed}, {@code claims_confirmed_decided}, V41): computing a day
 * twice gives the same rows, and two instances computing one day at once take turns on
 * its {@code stats_days} row.
 * <p>
 * Reads the request and claim tables of the request and help modules, read-only, in SQL:
 * statistics are a projection of them and write nothing back.
 */
@Component
class DailyStats {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DailyStats(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * The days a run computes: today and yesterday (China time), which still change, and
	 * every day of the last {@code window} days not computed yet.
	 */
	List<LocalDate> daysToCompute(int window) {
		LocalDate today = ChinaTime.day(this.clock.instant());
		LocalDate first = today.minusDays(window - 1);
		Set<LocalDate> computed = new HashSet<>(this.jdbc.queryForList(
				"select on_day from stats_days where on_day >= ? and on_day <= ?", LocalDate.class, first, today));
		List<LocalDate> days = new ArrayList<>(List.of(today, today.minusDays(1)));
		for (LocalDate day = today.minusDays(2); !day.isBefore(first); day = day.minusDays(1)) {
			if (!computed.contains(day)) {
				days.add(day);
			}
		}
		return days;
	}

	/** Computes the day's rows anew, in one transaction (eight statements). */
	void compute(LocalDate day) {
		OffsetDateTime from = day.atStartOfDay(ChinaTime.ZONE).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
		OffsetDateTime to = day.plusDays(1)
			.atStartOfDay(ChinaTime.ZONE)
			.toOffsetDateTime()
			.withOffsetSameInstant(ZoneOffset.UTC);
		OffsetDateTime now = this.clock.instant().atOffset(ZoneOffset.UTC);
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.update("insert into stats_days (on_day, computed_at) values (?, ?) on conflict do nothing", day,
					now);
			// the day's row lock: a second computation of the day waits for this one
			this.jdbc.update("update stats_days set computed_at = ? where on_day = ?", now, day);
			this.jdbc.update("delete from stats_daily where on_day = ?", day);
			this.jdbc.update("delete from stats_fulfil_times where on_day = ?", day);
			this.jdbc.update("delete from stats_helper_daily where on_day = ?", day);
			this.jdbc.update("""
					insert into stats_daily (on_day, group_id, campaign, posted, helps_confirmed, fulfilled, expired)
					select ?, group_id, campaign, sum(posted), sum(helps), sum(fulfilled), sum(expired) from (
					  select group_id, campaign, count(*) as posted, 0 as helps, 0 as fulfilled, 0 as expired
					  from help_requests
					  where created_at >= ? and created_at < ?
					  group by group_id, campaign
					  union all
					  select r.group_id, r.campaign, 0, count(*), 0, 0
					  from claims c join help_requests r on r.id = c.request_id
					  where c.status = 'CONFIRMED' and c.decided_at >= ? and c.decided_at < ?
					  group by r.group_id, r.campaign
					  union all
					  select group_id, campaign, 0, 0,
					    sum(case when status = 'FULFILLED' then 1 else 0 end),
					    sum(case when status = 'EXPIRED' then 1 else 0 end)
					  from help_requests
					  where closed_at >= ? and closed_at < ? and status in ('FULFILLED', 'EXPIRED')
					  group by group_id, campaign
					) happened
					group by group_id, campaign""", day, from, to, from, to, from, to);
			this.jdbc.update("""
					insert into stats_fulfil_times (on_day, group_id, campaign, bucket, requests)
					select ?, group_id, campaign, bucket, count(*) from (
					  select group_id, campaign,
					    cast(floor(extract(epoch from (closed_at - created_at)) / ?) as integer) as bucket
					  from help_requests
					  where status = 'FULFILLED' and closed_at >= ? and closed_at < ?
					) fulfilled
					group by group_id, campaign, bucket""", day, FulfilTimes.BUCKET_MINUTES * 60, from, to);
			this.jdbc.update("""
					insert into stats_helper_daily (on_day, group_id, helper_id, helps)
					select ?, r.group_id, c.helper_id, count(*)
					from claims c join help_requests r on r.id = c.request_id
					where c.status = 'CONFIRMED' and c.decided_at >= ? and c.decided_at < ?
					group by r.group_id, c.helper_id""", day, from, to);
		});
	}

}
