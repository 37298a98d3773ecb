-- As postgresql/V20: H2 has no partial indexes, so the status leads.
create index help_requests_overdue on help_requests (status, expires_at, id);
create index claims_unanswered on claims (status, created_at, id);

alter table event_publication alter column serialized_event set data type varchar(1000000);
