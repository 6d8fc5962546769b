-- Server-made texts in the reader's language (issue 12 item 5): a timeline entry carries a message code
-- and its parameters (codes, dates, numbers, names); the web renders them in Dutch or English. The Dutch
-- `summary` stays as written for entries made before this and for exports that have no i18n.
alter table case_timeline add column summary_code text;
alter table case_timeline add column summary_params jsonb;
