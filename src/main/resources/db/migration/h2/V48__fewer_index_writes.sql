-- As postgresql/V48: claims_helper_status is the front of claims_helper_status_decided.
-- (H2 has no partial indexes: notifications_read stays whole here.)
drop index claims_helper_status;
