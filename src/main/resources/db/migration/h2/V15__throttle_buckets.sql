-- Rate limits (Bucket4j); see the PostgreSQL migration.
create table throttle_buckets (
    id varchar(200) not null primary key,
    state varbinary(4096),
    expires_at bigint
);
create index throttle_buckets_expires on throttle_buckets (expires_at);
