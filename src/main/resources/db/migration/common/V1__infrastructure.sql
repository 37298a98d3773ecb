-- Spring Modulith's persisted event publication registry (JPA, completion-mode=update).
create table event_publication (
    id uuid not null primary key,
    listener_id varchar(512) not null,
    event_type varchar(512) not null,
    serialized_event varchar(8000) not null,
    publication_date timestamp(6) with time zone not null,
    completion_date timestamp(6) with time zone,
    status varchar(16),
    completion_attempts integer not null default 0,
    last_resubmission_date timestamp(6) with time zone
);
create index event_publication_incomplete on event_publication (completion_date, publication_date);

-- ShedLock: one run of a job per tick across all instances.
create table shedlock (
    name varchar(64) not null primary key,
    lock_until timestamp(3) not null,
    locked_at timestamp(3) not null,
    locked_by varchar(255) not null
);
