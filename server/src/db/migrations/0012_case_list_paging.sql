-- Case list in pages (issue 5): GET /api/v1/cases walks the visible cases newest first by keyset
-- (created_at desc, id desc), and finds a case by the start of its reference.

-- all cases newest first (region- and team-scoped callers; the keyset's tie-break on id included)
create index cases_created on cases (created_at desc, id desc);
-- a coordinator's organisation newest first, exact however small its share of all cases
create index cases_organisation_created on cases (organisation_id, created_at desc, id desc);
-- reference prefix search (`like 'AW-2026-00%'`) whatever the database's collation
create index cases_reference_prefix on cases (reference text_pattern_ops);
