-- Phases 1-2 (referral to connection): what 0007 left to the services that carry them out.

-- Uploaded files are sealed with a key of their own; that key is sealed under the master key here, so a
-- key rotation re-seals the row and the bytes on disk stay as they are.
alter table case_documents add column key_sealed text not null;

-- Each party records its agreement (or not) with the outcome it agrees to; the decision needs every
-- party the region's covenant names to agree with the same outcome.
alter table case_decision_parties add column outcome text check (outcome in ('granted', 'rejected'));
alter table case_decision_parties add column note text;
create unique index case_decision_parties_one_per_org on case_decision_parties (case_id, decision, organisation_id);

-- Case references AW-<year>-<seq>: one counter per year, taken under the row lock of its upsert.
create table case_reference_counters (
  year integer primary key,
  last integer not null
);
