-- The expiry and auto-confirm jobs take their rows in batches, in passes ordered by
-- (time, id), skipping rows another instance holds (FOR UPDATE SKIP LOCKED): these
-- partial indexes hold exactly the rows still to do, in that order, so a batch reads
-- only the rows it takes, however large the backlog.
create index help_requests_overdue on help_requests (expires_at, id) where status = 'OPEN';
create index claims_unanswered on claims (created_at, id) where status = 'CLAIMED';

-- A job's batch goes out as one event (e.g. RequestsClosed with up to a few thousand
-- request ids); its serialized form outgrows varchar(8000).
alter table event_publication alter column serialized_event type text;
