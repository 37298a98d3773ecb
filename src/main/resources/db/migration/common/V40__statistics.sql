-- Statistics (docs/stats.md): daily rows the daily-stats job keeps, so that the stats
-- pages, the API and the cards' completion rates read these small rows, never the
-- requests themselves. A day is China time (Asia/Shanghai).

-- Per day, group and campaign: requests posted, helps confirmed, requests fulfilled and
-- expired that day. A row only where something happened; a missing row is zeros.
create table stats_daily (
    on_day date not null,
    group_id bigint not null references topic_groups (id),
    campaign varchar(32) not null references campaign_types (code),
    posted integer not null,
    helps_confirmed integer not null,
    fulfilled integer not null,
    expired integer not null,
    primary key (on_day, group_id, campaign),
    constraint stats_daily_counts_check check (posted >= 0 and helps_confirmed >= 0 and fulfilled >= 0 and expired >= 0)
);
create index stats_daily_group_day on stats_daily (group_id, on_day);

-- The requests fulfilled that day by how long they took, in buckets of 10 minutes
-- (bucket n: from 10n to 10n + 10 minutes after posting): enough for a median to within
-- 5 minutes, whatever the number of requests.
create table stats_fulfil_times (
    on_day date not null,
    group_id bigint not null references topic_groups (id),
    campaign varchar(32) not null references campaign_types (code),
    bucket integer not null,
    requests integer not null,
    primary key (on_day, group_id, campaign, bucket),
    constraint stats_fulfil_times_check check (bucket >= 0 and requests > 0)
);
create index stats_fulfil_times_group_day on stats_fulfil_times (group_id, on_day);

-- Per day, group and helper: the helps of theirs confirmed that day (the weekly leaderboard).
create table stats_helper_daily (
    on_day date not null,
    group_id bigint not null references topic_groups (id),
    helper_id bigint not null references members (id),
    helps integer not null,
    primary key (on_day, group_id, helper_id),
    constraint stats_helper_daily_helps_check check (helps > 0)
);
create index stats_helper_daily_group_day on stats_helper_daily (group_id, on_day);

-- The days computed, and when: a day of the window without a row here is computed by the
-- next run; a day here without stats rows had nothing happen.
create table stats_days (
    on_day date not null primary key,
    computed_at timestamp(6) with time zone not null
);

-- Members who keep their name off the helpers' leaderboards.
create table leaderboard_opt_outs (
    member_id bigint not null primary key references members (id),
    opted_out_at timestamp(6) with time zone not null
);
