-- H2 has neither partial nor expression indexes; the embedded database is for trying
-- the board out, where groups are small. PostgreSQL's version is the queue's real index.
create index help_requests_queue on help_requests (group_id, status, created_at);
