-- Data-subject requests of the client (AVG/GDPR articles 15-18): access, correction, restriction, erasure.
-- What she asks and what was decided often repeats the very data at stake (a corrected address, a phone
-- number), so both texts are sealed with the master key like the client's phone and address.

create table privacy_requests (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases(id) on delete cascade,
  kind text not null check (kind in ('access', 'correction', 'restriction', 'erasure')),
  -- when the request reached the organisation (the one-month answer period of article 12(3) runs from here)
  received_at timestamptz not null default now(),
  description_sealed text not null,
  decision_sealed text,
  decided_at timestamptz,
  decided_by uuid references users(id),
  created_by uuid not null references users(id),
  created_at timestamptz not null default now(),
  -- a decision is recorded whole: text, moment and person together, or not at all
  check ((decision_sealed is null) = (decided_at is null) and (decided_at is null) = (decided_by is null))
);
create index privacy_requests_case on privacy_requests (case_id, received_at);
