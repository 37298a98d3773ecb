-- Rate limits shared by every instance (Bucket4j's PostgreSQL backend): one token bucket
-- a row, keyed by action and client address, username or member; expired rows are purged.
create table throttle_buckets (
    id varchar(200) not null primary key,
    state bytea,
    expires_at bigint
);
create index throttle_buckets_expires on throttle_buckets (expires_at);
