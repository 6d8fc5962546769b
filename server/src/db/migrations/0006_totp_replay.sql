-- The last TOTP time step accepted per user: a code is good once (RFC 6238 §5.2).
alter table users add column totp_last_step bigint;
