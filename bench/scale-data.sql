-- The "feed at scale" data set (issue #10), generated set-based in one psql session.
-- Run by bench/scale-data.sh on a database the application has just migrated (Flyway)
-- and in which it has registered the member 'bench' through its own API, so that
-- member's password hash is the application's own.
--
-- psql variables (set by scale-data.sh, defaults there):
--   members       synthetic members (besides 'bench')
--   big_open      open requests in the group 'big'     (20 000)
--   big_closed    closed requests in 'big'             (100 000)
--   small_open    open requests in the group 'small'   (200)
--   small_closed  closed requests in 'small'
--   others        further groups 'other-1' … 'other-N'
--   other_open    open requests in each of them
--   other_closed  closed requests in each of them
--   events        completed event publications
--
-- Runs as the PostgreSQL superuser with session_replication_role = replica, so the
-- foreign-key triggers do not fire row by row: every reference is consistent by
-- construction, and the checks at the end prove it (they fail the script otherwise).
-- CHECK constraints and unique keys are enforced as always.

\set ON_ERROR_STOP on
\timing on
set synchronous_commit = off;
set session_replication_role = replica;
set work_mem = '128MB';

select id as bench_id, password_hash as bench_hash from members where username_key = 'bench' \gset
select coalesce(max(id), 0) as mbase from members \gset

\echo == members
-- m<i> has id mbase + 1 + i; every synthetic member shares bench's password, so any of
-- them can log in for a multi-member run. 100 to 400 days old: no longer "new users".
insert into members (id, username, username_key, password_hash, standing, created_at)
select :mbase + 1 + i, 'm' || i, 'm' || i, :'bench_hash', i % 7,
       now() - interval '400 days' + (i % 300) * interval '1 day'
from generate_series(0, :members - 1) as i;
update members set created_at = now() - interval '200 days' where id = :bench_id;

\echo == groups and memberships
insert into topic_groups (slug, name_zh, name_en, description_zh, description_en, rules_zh, rules_en,
    default_campaign, max_open_per_member, created_at)
values ('big', '大群 · 砍价', 'Big group', '基准测试：两万条进行中的请求。', 'Benchmark: 20 000 open requests.',
        '只发砍价链接。', 'Bargain links only.', 'pdd-bargain', 50, now() - interval '400 days'),
       ('small', '小群', 'Small group', '基准测试：两百条进行中的请求。', 'Benchmark: 200 open requests.',
        '只发砍价链接。', 'Bargain links only.', 'pdd-bargain', 3, now() - interval '400 days');
insert into topic_groups (slug, name_zh, name_en, default_campaign, created_at)
select 'other-' || g, '其他群 ' || g, 'Other group ' || g, 'pdd-cash-wheel', now() - interval '400 days'
from generate_series(1, :others) as g;
select id as big_id from topic_groups where slug = 'big' \gset
select id as small_id from topic_groups where slug = 'small' \gset

-- Who posts open requests where (member index ranges):
--   big:      m0 … m(big_open/2 - 1), two open requests each
--   small:    m30000 … m30099, two each
--   other-k:  m35000 + 500(k-1) …, two each
-- Members: big has m0 … m24999, small m30000 … m30499, other-k m35000 + 500(k-1) + 0 … 1999.
insert into group_members (group_id, member_id, role, joined_at)
select :big_id, :mbase + 1 + i, 'MEMBER', now() - interval '120 days' from generate_series(0, 24999) as i;
insert into group_members (group_id, member_id, role, joined_at)
select :small_id, :mbase + 1 + i, 'MEMBER', now() - interval '120 days' from generate_series(30000, 30499) as i;
insert into group_members (group_id, member_id, role, joined_at)
select g.id, :mbase + 1 + 35000 + 500 * (g.k - 1) + i, 'MEMBER', now() - interval '120 days'
from (select id, substring(slug from 7)::int as k from topic_groups where slug like 'other-%') as g
cross join generate_series(0, 1999) as i
where 35000 + 500 * (g.k - 1) + i < :members;
-- bench is in big, small, the first three other groups and the seeded kanjia
insert into group_members (group_id, member_id, role, joined_at)
select id, :bench_id, 'MEMBER', now() - interval '150 days' from topic_groups
where slug in ('big', 'small', 'other-1', 'other-2', 'other-3', 'kanjia');

\echo == open requests
-- open: created within the last 20 hours, expiring 24 hours after creation
create function pg_temp.open_requests(p_group bigint, p_count int, p_first_author int, p_members bigint,
    p_mbase bigint) returns void language sql as $$
  insert into help_requests (id, group_id, author_id, author_name, platform, campaign, canonical_url, share_text,
      dedupe_key, open_key, note, helps_needed, helps_confirmed, status, created_at, expires_at)
  select b.base + 1 + n, p_group, p_mbase + 1 + a, 'm' || a, 'PINDUODUO',
         case when n % 4 = 3 then 'pdd-free-order' else 'pdd-bargain' end,
         'https://mobile.yangkeduo.com/bargain.html?k=b' || (b.base + 1 + n),
         '【拼多多】我在砍价免费拿，就差你一刀了！帮我砍一下 https://mobile.yangkeduo.com/bargain.html?k=b'
             || (b.base + 1 + n),
         'pdd:k=b' || (b.base + 1 + n), 'pdd:k=b' || (b.base + 1 + n),
         case when n % 3 = 0 then '谢谢！互砍回你' end,
         1 + n % 5, (n * 7) % (1 + n % 5), 'OPEN',
         now() - (n::float8 / p_count) * interval '20 hours',
         now() - (n::float8 / p_count) * interval '20 hours' + interval '24 hours'
  from (select coalesce(max(id), 0) as base from help_requests) as b,
       generate_series(0, p_count - 1) as n,
       lateral (select (p_first_author + n % greatest(p_count / 2, 1)) % p_members as a) as author
$$;
select pg_temp.open_requests(:big_id, :big_open, 0, :members, :mbase);
select pg_temp.open_requests(:small_id, :small_open, 30000, :members, :mbase);
select pg_temp.open_requests(g.id, :other_open, 35000 + 500 * (g.k - 1), :members, :mbase)
from (select id, substring(slug from 7)::int as k from topic_groups where slug like 'other-%' order by id) as g;
-- bench's own open requests: three in big
update help_requests set author_id = :bench_id, author_name = 'bench'
where id in (select id from help_requests where group_id = :big_id and status = 'OPEN' order by id limit 3);

\echo == closed requests (history)
-- closed: created 1 to 90 days ago; 5/10 fulfilled, 4/10 expired, 1/10 withdrawn (REMOVED);
-- authors spread over every member
create function pg_temp.closed_requests(p_group bigint, p_count int, p_members bigint, p_mbase bigint)
    returns void language sql as $$
  insert into help_requests (id, group_id, author_id, author_name, platform, campaign, canonical_url, share_text,
      dedupe_key, open_key, helps_needed, helps_confirmed, status, created_at, expires_at, closed_at)
  select id, p_group, p_mbase + 1 + a, 'm' || a, 'PINDUODUO', campaign,
         'https://mobile.yangkeduo.com/bargain.html?k=h' || id,
         '【拼多多】我在砍价免费拿，就差你一刀了！帮我砍一下 https://mobile.yangkeduo.com/bargain.html?k=h' || id,
         'pdd:k=h' || id, null, needed,
         case status when 'FULFILLED' then needed when 'EXPIRED' then (id / 50) % needed else 0 end,
         status, created, created + interval '24 hours',
         case status when 'FULFILLED' then created + interval '3 hours' when 'EXPIRED' then created + interval '24 hours'
                     else created + interval '1 hour' end
  from (
    select b.base + 1 + n as id, (n::bigint * 7919 + p_group * 12347) % p_members as a,
           case when n % 4 = 3 then 'pdd-free-order' else 'pdd-bargain' end as campaign,
           1 + (n / 10) % 5 as needed,
           case when n % 10 < 5 then 'FULFILLED' when n % 10 < 9 then 'EXPIRED' else 'REMOVED' end as status,
           now() - interval '1 day' - (n::float8 / p_count) * interval '89 days' as created
    from (select coalesce(max(id), 0) as base from help_requests) as b, generate_series(0, p_count - 1) as n
  ) as r
$$;
select pg_temp.closed_requests(:big_id, :big_closed, :members, :mbase);
select pg_temp.closed_requests(:small_id, :small_closed, :members, :mbase);
select pg_temp.closed_requests(g.id, :other_closed, :members, :mbase)
from (select id from topic_groups where slug like 'other-%' order by id) as g;
-- bench is a heavy user: 1 000 of the closed requests are theirs
update help_requests set author_id = :bench_id, author_name = 'bench'
where id in (select id from help_requests where status <> 'OPEN' and id % 350 = 0 order by id limit 1000);

\echo == boosts: ended ones on 1 in 20 closed requests, three running in big
insert into boosts (request_id, group_id, member_id, hours, cost, status, created_at, starts_at, ends_at)
select id, group_id, author_id, 3, 6, 'ENDED', created_at + interval '5 minutes', created_at + interval '5 minutes',
       created_at + interval '3 hours 5 minutes'
from help_requests where status <> 'OPEN' and id % 20 = 1
order by id;
with running as (
  select id from help_requests where group_id = :big_id and status = 'OPEN' and author_id <> :bench_id
  order by id desc limit 3
)
update help_requests r set boost_started_at = now() - interval '1 hour', boosted_until = now() + interval '2 hours'
from running where r.id = running.id;
insert into boosts (request_id, group_id, member_id, hours, cost, status, created_at, starts_at, ends_at)
select id, group_id, author_id, 3, 6, 'ACTIVE', boost_started_at, boost_started_at, boosted_until
from help_requests where boosted_until is not null order by id;
insert into boost_group_locks (group_id) select id from topic_groups on conflict do nothing;

\echo == claims
-- helper of the j-th claim on request r: never the author, distinct for j = 1 … 52
-- (7919 and members - 1 = 50 000 are coprime)
create function pg_temp.helper(p_request bigint, p_author bigint, p_j int, p_members bigint, p_mbase bigint)
    returns bigint language sql immutable as $$
  select p_mbase + 1 + (greatest(p_author - p_mbase - 1, 0) + 1 + (p_request * 131 + p_j * 7919) % (p_members - 1))
      % p_members
$$;
-- confirmed on closed requests (helps_confirmed of them), one rejected on every third
insert into claims (request_id, helper_id, author_id, campaign, status, created_at, decided_at, auto_confirmed,
    helper_day)
select r.id, pg_temp.helper(r.id, r.author_id, j, :members, :mbase), r.author_id, r.campaign,
       case when j <= r.helps_confirmed then 'CONFIRMED' else 'REJECTED' end,
       r.created_at + j * interval '7 minutes',
       r.created_at + j * interval '7 minutes' + interval '2 hours', j <= r.helps_confirmed and r.id % 4 = 0,
       ((r.created_at + j * interval '7 minutes') at time zone 'Asia/Shanghai')::date
from help_requests r
cross join lateral generate_series(1, r.helps_confirmed + case when r.id % 3 = 0 then 1 else 0 end) as j
where r.status in ('FULFILLED', 'EXPIRED');
-- on open requests: the confirmed helps they show, and a waiting claim on every fourth
-- (younger than a day, so the auto-confirm job has nothing overdue)
insert into claims (request_id, helper_id, author_id, campaign, status, created_at, decided_at, auto_confirmed,
    helper_day)
select r.id, pg_temp.helper(r.id, r.author_id, j, :members, :mbase), r.author_id, r.campaign,
       case when j <= r.helps_confirmed then 'CONFIRMED' else 'CLAIMED' end,
       r.created_at + (now() - r.created_at) * j / 60,
       case when j <= r.helps_confirmed then r.created_at + (now() - r.created_at) * j / 50 end, false,
       ((r.created_at + (now() - r.created_at) * j / 60) at time zone 'Asia/Shanghai')::date
from help_requests r
cross join lateral generate_series(1, r.helps_confirmed + case when r.id % 4 = 0 then 1 else 0 end) as j
where r.status = 'OPEN';
-- bench's own helps: about 1 500 confirmed in the past, and a claim on 1 in 100 of big's
-- open requests (those leave bench's help queue)
insert into claims (request_id, helper_id, author_id, campaign, status, created_at, decided_at, auto_confirmed,
    helper_day)
select r.id, :bench_id, r.author_id, r.campaign, 'CONFIRMED', r.created_at + interval '1 minute',
       r.created_at + interval '90 minutes', false,
       ((r.created_at + interval '1 minute') at time zone 'Asia/Shanghai')::date
from help_requests r where r.status in ('FULFILLED', 'EXPIRED') and r.id % 263 = 5 and r.author_id <> :bench_id;
insert into claims (request_id, helper_id, author_id, campaign, status, created_at, decided_at, auto_confirmed,
    helper_day)
select r.id, :bench_id, r.author_id, r.campaign, 'CLAIMED', r.created_at + (now() - r.created_at) / 2, null, false,
       ((r.created_at + (now() - r.created_at) / 2) at time zone 'Asia/Shanghai')::date
from help_requests r
where r.group_id = :big_id and r.status = 'OPEN' and r.id % 100 = 3 and r.author_id <> :bench_id;

\echo == ledger entries and credit accounts
-- per member, in time order: a grant when they joined (1 000 for bench, 50 for others),
-- +1 for each confirmed help (claim:<id>:confirmed, as HelpRewards writes it), -6 for each
-- boost (boost:<id>:spend); ids follow time, balance_after is the running sum
insert into ledger_entries (member_id, amount, kind, idempotency_key, reference, balance_after, created_at)
select member_id, amount, kind, key, reference,
       sum(amount) over (partition by member_id order by at, ord, key rows unbounded preceding), at
from (
  select id as member_id, case when id = :bench_id then 1000 else 50 end as amount, 'GRANT' as kind,
         'bench:grant:' || id as key, 'welcome' as reference, created_at as at, 0 as ord
  from members
  union all
  select helper_id, 1, 'EARN', 'claim:' || id || ':confirmed', 'claim:' || id, decided_at, 1
  from claims where status = 'CONFIRMED'
  union all
  select member_id, -cost, 'SPEND', 'boost:' || id || ':spend', 'boost:' || id, created_at, 2
  from boosts
) as movements
order by at, ord, key;
insert into credit_accounts (member_id, balance, earned_today, earned_day)
select member_id, sum(amount),
       count(*) filter (where kind = 'EARN' and (created_at at time zone 'Asia/Shanghai')::date
                                                = (now() at time zone 'Asia/Shanghai')::date),
       (now() at time zone 'Asia/Shanghai')::date
from ledger_entries group by member_id;

\echo == completed event publications
-- what Spring Modulith's registry holds when completed publications are kept
-- (completion-mode update or archive); the app's default mode deletes them
insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, completion_date,
    status, completion_attempts)
select md5('claim-confirmed:' || c.id)::uuid,
       'com.helpboard.credit.HelpRewards.on(com.helpboard.help.ClaimConfirmed)',
       'com.helpboard.help.ClaimConfirmed',
       json_build_object('claimId', c.id, 'requestId', c.request_id, 'helperId', c.helper_id,
                         'authorId', c.author_id, 'automatic', c.auto_confirmed, 'at', c.decided_at)::text,
       c.decided_at, c.decided_at + interval '40 milliseconds', 'COMPLETED', 1
from claims c where c.status = 'CONFIRMED' and c.decided_at < now() - interval '1 hour'
order by c.id desc limit :events;

\echo == identity sequences past the explicit ids
select setval(pg_get_serial_sequence('members', 'id'), (select max(id) from members));
select setval(pg_get_serial_sequence('help_requests', 'id'), (select max(id) from help_requests));

set session_replication_role = origin;

\echo == consistency checks (each must be 0)
create temp table checks as
select 'requests without their member' as problem, count(*) as rows from help_requests r
  where not exists (select 1 from members m where m.id = r.author_id)
union all select 'claims without their request', count(*) from claims c
  where not exists (select 1 from help_requests r where r.id = c.request_id)
union all select 'claims naming another author than their request', count(*) from claims c
  join help_requests r on r.id = c.request_id where r.author_id <> c.author_id
union all select 'claims without their helper', count(*) from claims c
  where not exists (select 1 from members m where m.id = c.helper_id)
union all select 'ledger entries without their member', count(*) from ledger_entries l
  where not exists (select 1 from members m where m.id = l.member_id)
union all select 'accounts whose balance is not their last balance_after', count(*) from credit_accounts a
  where a.balance <> (select l.balance_after from ledger_entries l where l.member_id = a.member_id
                      order by l.id desc limit 1)
union all select 'memberships without their member', count(*) from group_members g
  where not exists (select 1 from members m where m.id = g.member_id)
union all select 'boosts without their request', count(*) from boosts b
  where not exists (select 1 from help_requests r where r.id = b.request_id);
select * from checks;
select sum(rows) > 0 as inconsistent from checks \gset
\if :inconsistent
  do $$ begin raise exception 'the data set is inconsistent: see the checks above'; end $$;
\endif

\echo == vacuum analyze
vacuum analyze;

\echo == the data set
select 'members' as what, count(*) as rows from members
union all select 'open requests in big', count(*) from help_requests where group_id = :big_id and status = 'OPEN'
union all select 'open requests in small', count(*) from help_requests where group_id = :small_id and status = 'OPEN'
union all select 'open requests (all groups)', count(*) from help_requests where status = 'OPEN'
union all select 'history: closed requests', count(*) from help_requests where status <> 'OPEN'
union all select 'history: decided claims', count(*) from claims where status <> 'CLAIMED'
union all select 'waiting claims', count(*) from claims where status = 'CLAIMED'
union all select 'history: ledger entries', count(*) from ledger_entries
union all select 'history: completed event publications', count(*) from event_publication
    where completion_date is not null
union all select 'history: ended boosts', count(*) from boosts where status = 'ENDED';
select (select count(*) from help_requests where status <> 'OPEN')
     + (select count(*) from claims where status <> 'CLAIMED')
     + (select count(*) from ledger_entries)
     + (select count(*) from event_publication where completion_date is not null)
     + (select count(*) from boosts where status = 'ENDED') as history_rows \gset
\echo history rows in total: :history_rows
