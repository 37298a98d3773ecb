-- A member the helper blocked never comes up in their help queue.
create table member_blocks (
    member_id bigint not null references members (id),
    blocked_id bigint not null references members (id),
    created_at timestamp(6) with time zone not null,
    primary key (member_id, blocked_id),
    constraint member_blocks_not_self check (member_id <> blocked_id)
);
