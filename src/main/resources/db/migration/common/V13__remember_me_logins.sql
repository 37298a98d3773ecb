-- Remember-me logins kept on the server, so logout and a password change end them.
-- The cookie carries the series and a secret; only the secret's SHA-256 is stored.
create table remember_me_logins (
    series varchar(64) not null primary key,
    username varchar(64) not null,
    token_hash varchar(64) not null,
    created_at timestamp(6) with time zone not null,
    expires_at timestamp(6) with time zone not null
);
create index remember_me_logins_username on remember_me_logins (username);
create index remember_me_logins_expires on remember_me_logins (expires_at);
