-- See the PostgreSQL migration. H2 has no partial indexes: the same columns, status first.
create index help_requests_author_newest on help_requests (author_id, created_at desc, id desc);
drop index help_requests_author;
create index help_requests_open_by_id on help_requests (status, id);
create index claims_helper_status_decided on claims (helper_id, status, decided_at);
