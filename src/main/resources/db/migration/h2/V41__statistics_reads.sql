-- See the PostgreSQL migration. H2 has no partial indexes: the same columns.
create index help_requests_created on help_requests (created_at);
create index help_requests_closed on help_requests (closed_at);
create index claims_confirmed_decided on claims (status, decided_at);
