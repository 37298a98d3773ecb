-- The nav's unread count: only unread rows, a member's few
create index notifications_unread on notifications (member_id) where read_at is null;
