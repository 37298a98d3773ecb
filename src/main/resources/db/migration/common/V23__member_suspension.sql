-- A site admin may suspend an account: it cannot sign in, and what it did stops counting.
alter table members add column suspended_at timestamp(6) with time zone;
alter table members add column suspended_reason varchar(280);
