-- The API's Idempotency-Key: the first answer to a key, replayed to retries (API.md).
create table idempotency_keys (
    scope varchar(64) not null,
    idem_key varchar(64) not null,
    request_hash varchar(64) not null,
    state varchar(16) not null,
    response_status integer,
    response_type varchar(128),
    response_location varchar(512),
    response_body varchar(65535),
    created_at timestamp(6) with time zone not null,
    primary key (scope, idem_key),
    constraint idempotency_keys_state_check check (state in ('IN_PROGRESS', 'DONE'))
);
create index idempotency_keys_created on idempotency_keys (created_at);
