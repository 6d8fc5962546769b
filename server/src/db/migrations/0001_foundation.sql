-- Foundation: regions, organisations, people, sign-in, audit, and the case skeleton access depends on.

create table regions (
  id uuid primary key default gen_random_uuid(),
  name text not null unique,
  -- acute unsafety is an optional target group a region opts into (PRODUCT.md, phase 1)
  acute_unsafety_enabled boolean not null default false,
  created_at timestamptz not null default now()
);

create table organisations (
  id uuid primary key default gen_random_uuid(),
  region_id uuid not null references regions(id),
  name text not null,
  type text not null check (type in ('shelter', 'veilig_thuis', 'police', 'alarm_centre', 'zvhh',
    'municipality', 'youth_care', 'probation', 'prosecutor')),
  created_at timestamptz not null default now(),
  unique (region_id, name)
);

create table organisation_contacts (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations(id) on delete cascade,
  name text not null,
  role text not null,
  phone text,
  email text
);

create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  display_name text not null,
  password_hash text not null,
  must_change_password boolean not null default false,
  -- TOTP secret, sealed with the master key (never stored in the clear)
  totp_secret_sealed text,
  totp_enrolled boolean not null default false,
  locale text not null default 'nl' check (locale in ('nl', 'en')),
  disabled boolean not null default false,
  last_login_at timestamptz,
  created_at timestamptz not null default now()
);
create unique index users_email_key on users (lower(email));

create table memberships (
  user_id uuid not null references users(id) on delete cascade,
  organisation_id uuid not null references organisations(id),
  role text not null check (role in ('admin', 'operator', 'police', 'police_control', 'vt', 'caseworker',
    'coordinator', 'process_director', 'committee', 'funder')),
  primary key (user_id, organisation_id, role)
);

-- Failed sign-ins per e-mail address (hashed), whether or not the address exists,
-- so lockout does not reveal which addresses have accounts.
create table login_throttle (
  email_hash text primary key,
  failures integer not null default 0,
  locked_until timestamptz,
  updated_at timestamptz not null default now()
);

create table sessions (
  token_hash text primary key,
  user_id uuid not null references users(id) on delete cascade,
  -- 'setup': may only change the password and enrol TOTP; 'full': everything the roles allow
  stage text not null check (stage in ('setup', 'full')),
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text,
  user_agent text,
  revoked_at timestamptz
);
create index sessions_user on sessions (user_id);

create table api_tokens (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  token_hash text not null unique,
  organisation_id uuid not null references organisations(id),
  role text not null,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

-- Cases: the skeleton the access rules and devices depend on; the case issue extends it.
create table cases (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique,
  region_id uuid not null references regions(id),
  organisation_id uuid not null references organisations(id),
  status text not null default 'referral' check (status in ('referral', 'screening', 'decision', 'rejected',
    'connecting', 'active', 'evaluation', 'closed')),
  target_group text not null check (target_group in ('stalking', 'acute_unsafety')),
  caseworker_id uuid references users(id),
  decided_at timestamptz,
  created_at timestamptz not null default now()
);

create table case_team (
  case_id uuid not null references cases(id) on delete cascade,
  user_id uuid not null references users(id),
  role text not null,
  added_at timestamptz not null default now(),
  primary key (case_id, user_id)
);
create index case_team_user on case_team (user_id);

-- Append-only audit log. Each entry chains the hash of the one before it.
create table audit_log (
  seq bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_id uuid,
  actor_label text not null,
  action text not null,
  access text not null check (access in ('read', 'write')),
  record_type text not null,
  record_id text,
  ip text,
  reason text,
  details jsonb not null default '{}'::jsonb,
  prev_hash text not null,
  hash text not null
);
create index audit_log_record on audit_log (record_type, record_id);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_is_append_only();
