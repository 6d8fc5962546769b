-- The AWARE trajectory from referral to closure (seed 000, handbook phases 1-4).
-- Every change to a case also appends one row to case_timeline, the case's single chronology.

-- Who decides what, per region (the precondition "network in order"): for each joint decision the
-- organisation types whose agreement the region's covenant requires.
create table region_decision_rights (
  region_id uuid not null references regions(id) on delete cascade,
  decision text not null check (decision in ('screening', 'grant', 'extension', 'closure')),
  organisation_type text not null check (organisation_type in ('shelter', 'veilig_thuis', 'police', 'alarm_centre',
    'zvhh', 'municipality', 'youth_care', 'probation', 'prosecutor')),
  primary key (region_id, decision, organisation_type)
);

alter table cases add column version integer not null default 1;
alter table cases add column referred_at timestamptz not null default now();
alter table cases add column referrer_kind text check (referrer_kind in ('police', 'veilig_thuis', 'executing_organisation',
  'zvhh'));
alter table cases add column referrer_organisation_id uuid references organisations(id);
alter table cases add column referral_channel text check (referral_channel in ('phone', 'email', 'in_person',
  'network_meeting', 'letter', 'other'));
alter table cases add column referral_summary text;
-- decision (phase 1)
alter table cases add column decision text check (decision in ('granted', 'rejected'));
alter table cases add column decision_rationale text;
alter table cases add column decision_communicated_client_at timestamptz;
alter table cases add column decision_communicated_referrer_at timestamptz;
alter table cases add column rejection_advice text;
alter table cases add column rejection_referral text;
-- connection (phase 2): the deadline is computed once from the decision date in Dutch working days
alter table cases add column connection_deadline date;
alter table cases add column connection_warned_at timestamptz;
alter table cases add column connection_escalated_at timestamptz;
alter table cases add column connected_at timestamptz;
alter table cases add column signalement_sent_at timestamptz;
alter table cases add column signalement_recipient text;
alter table cases add column contract_signed_on date;
alter table cases add column privacy_statement_handed_on date;
-- carrying out and ending (phases 3-4)
alter table cases add column active_since timestamptz;
alter table cases add column planned_end_on date;
alter table cases add column closed_at timestamptz;
alter table cases add column closure_reason text;
alter table cases add column device_return text check (device_return in ('returned', 'lost', 'stolen', 'not_issued'));
create index cases_region_status on cases (region_id, status);
create index cases_organisation_status on cases (organisation_id, status);
create index cases_caseworker on cases (caseworker_id);

-- Organisations that take part in a case. Police and Veilig Thuis see the cases they take part in.
create table case_parties (
  case_id uuid not null references cases(id) on delete cascade,
  organisation_id uuid not null references organisations(id),
  role text not null check (role in ('referrer', 'executing', 'veilig_thuis', 'police', 'zvhh', 'other')),
  added_at timestamptz not null default now(),
  primary key (case_id, organisation_id)
);
create index case_parties_organisation on case_parties (organisation_id);

-- A person may hold several roles on one case team (caseworker and case director, say).
alter table case_team drop constraint case_team_pkey;
alter table case_team add primary key (case_id, user_id, role);
alter table case_team add constraint case_team_role check (role in ('caseworker', 'case_director', 'process_director',
  'vt_contact', 'police_contact', 'team_lead', 'member'));

create table case_transitions (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases(id) on delete cascade,
  from_status text not null,
  to_status text not null,
  at timestamptz not null default now(),
  actor_id uuid references users(id),
  actor_label text not null,
  rationale text not null
);
create index case_transitions_case on case_transitions (case_id, at);

-- Results of validated instruments, as recorded by the party that used them (never re-computed here).
create table risk_assessments (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases(id) on delete cascade,
  instrument text not null check (instrument in ('sash', 'vt_triage', 'vt_safety_assessment', 'gri', 'other')),
  assessed_on date not null,
  assessor text not null,
  organisation_id uuid references organisations(id),
  outcome_level text not null,
  document_id uuid,
  notes text,
  created_by uuid references users(id),
  created_at timestamptz not null default now()
);
create index risk_assessments_case on risk_assessments (case_id);

-- Information a party adds from its own systems.
create table case_contributions (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases(id) on delete cascade,
  organisation_id uuid references organisations(id),
  author_id uuid references users(id),
  body text not null,
  created_at timestamptz not null default now()
);
create index case_contributions_case on case_contributions (case_id);

-- Screening: five indications (all should hold) and three contra-indications (any excludes).
create table screening_items (
  case_id uuid not null references cases(id) on delete cascade,
  item text not null check (item in ('unsafety_or_stalking', 'threat_of_violence', 'contact_broken',
    'willing_to_report', 'open_to_help', 'several_perpetrators', 'few_safety_risks', 'too_high_risks')),
  holds boolean not null,
  note text,
  assessed_by uuid references users(id),
  assessed_at timestamptz not null default now(),
  primary key (case_id, item)
);

-- The parties that took the joint decision (grant/rejection, extension, closure).
create table case_decision_parties (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases(id) on delete cascade,
  decision text not null check (decision in ('screening', 'grant', 'extension', 'closure')),
  organisation_id uuid not null references organisations(id),
  user_id uuid references users(id),
  agreed_at timestamptz not null default now()
);
create index case_decision_parties_case on case_decision_parties (case_id);

-- Uploaded files (signed contract, risk-instrument reports, evidence). The bytes live sealed outside the
-- web root under AWARE_DATA_DIR; the row holds what is needed to check and serve them.
create table case_documents (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases(id) on delete cascade,
  kind text not null check (kind in ('contract', 'risk_assessment', 'evidence', 'signalement', 'other')),
  file_name text not null,
  media_type text not null,
  size_bytes integer not null check (size_bytes > 0),
  sha256 text not null,
  storage_key text not null unique,
  uploaded_by uuid references users(id),
  uploaded_at timestamptz not null default now()
);
create index case_documents_case on case_documents (case_id);

-- Conversations: with the client, a child or the network; observation kept apart from interpretation.
create table conversations (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases(id) on delete cascade,
  held_on date not null,
  kind text not null check (kind in ('intake', 'client', 'child', 'network', 'psycho_education')),
  child_id uuid references case_children(id),
  duration_minutes integer not null check (duration_minutes between 1 and 600),
  observation text,
  interpretation text,
  author_id uuid references users(id),
  created_at timestamptz not null default now()
);
create index conversations_case on conversations (case_id, held_on);

-- The safety plan: every save is a new version; the newest is the plan in force.
create table safety_plan_versions (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases(id) on delete cascade,
  version integer not null,
  language text not null default 'nl',
  content jsonb not null,
  reason text,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  unique (case_id, version)
);

-- The other handbook forms (intake, strengths and wishes, action plan, digital safety check, children's
-- form, consent for conversations with children, psycho-education record): versioned like the plan.
create table case_forms (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases(id) on delete cascade,
  kind text not null check (kind in ('intake', 'strengths_wishes', 'action_plan', 'digital_safety_check',
    'children_form', 'child_consent', 'psycho_education')),
  child_id uuid references case_children(id),
  version integer not null,
  content jsonb not null,
  created_by uuid references users(id),
  created_at timestamptz not null default now()
);
create index case_forms_case on case_forms (case_id, kind, version);

-- The client's own incident log (logboek), exportable for a police report.
create table incident_log_entries (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases(id) on delete cascade,
  occurred_at timestamptz not null,
  what_happened text not null,
  place text,
  witnesses text,
  evidence_document_ids uuid[] not null default '{}',
  reported_to_police boolean not null default false,
  police_report_number text,
  created_by uuid references users(id),
  created_at timestamptz not null default now()
);
create index incident_log_case on incident_log_entries (case_id, occurred_at);

create table support_referrals (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases(id) on delete cascade,
  referred_on date not null,
  to_whom text not null,
  reason text,
  created_by uuid references users(id),
  created_at timestamptz not null default now()
);

-- Network meetings (casusoverleg, rondetafeloverleg). Client and perpetrator never at one table.
create table network_meetings (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases(id) on delete cascade,
  held_on date not null,
  kind text not null check (kind in ('case_meeting', 'round_table', 'other')),
  chair text,
  participants jsonb not null default '[]'::jsonb,
  client_present boolean not null default false,
  perpetrator_present boolean not null default false,
  decisions text,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  constraint meeting_never_both check (not (client_present and perpetrator_present))
);
create index network_meetings_case on network_meetings (case_id, held_on);

alter table tasks add column description text;
alter table tasks add column meeting_id uuid references network_meetings(id) on delete set null;
alter table tasks add column assignee_organisation_id uuid references organisations(id);
alter table tasks add column reminded_at timestamptz;
alter table tasks add column escalated_at timestamptz;
alter table tasks add column created_by uuid references users(id);
alter table tasks add column skipped_reason text;
create index tasks_case on tasks (case_id, due_at);

-- Evaluation (phase 4): the scale of "Gefaseerd samenwerken aan veiligheid" and the client's own rating.
create table evaluations (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases(id) on delete cascade,
  evaluated_on date not null,
  moment text not null check (moment in ('start', 'interim', 'end')),
  safety_scale text check (safety_scale in ('0', '6', '7', '7+')),
  client_safety_rating integer check (client_safety_rating between 0 and 10),
  caseworker_rating numeric(3, 1) check (caseworker_rating between 0 and 10),
  collaboration_rating numeric(3, 1) check (collaboration_rating between 0 and 10),
  notes text,
  created_by uuid references users(id),
  created_at timestamptz not null default now()
);
create index evaluations_case on evaluations (case_id, evaluated_on);

create table case_goals (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases(id) on delete cascade,
  description text not null,
  set_on date not null,
  result text check (result in ('met', 'partly_met', 'not_met')),
  evaluated_on date,
  created_by uuid references users(id)
);
create index case_goals_case on case_goals (case_id);

create table case_extensions (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases(id) on delete cascade,
  previous_end_on date,
  new_end_on date not null,
  rationale text not null,
  decided_by uuid references users(id),
  decided_at timestamptz not null default now()
);
create index case_extensions_case on case_extensions (case_id);

-- One chronology per case. Summaries carry no address, phone or position: the record they point to does.
create table case_timeline (
  id bigint generated always as identity primary key,
  case_id uuid not null references cases(id) on delete cascade,
  at timestamptz not null default now(),
  kind text not null,
  summary text not null,
  actor_label text not null,
  ref_type text,
  ref_id text
);
create index case_timeline_case on case_timeline (case_id, at desc, id desc);
