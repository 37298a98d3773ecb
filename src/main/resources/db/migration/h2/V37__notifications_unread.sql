-- As postgresql/V37, without a partial index (H2 has none)
create index notifications_unread on notifications (member_id, read_at);
