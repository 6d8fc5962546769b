-- Phases 3-4 (carrying out, network collaboration, ending): what 0007 did not yet hold.

-- The button agreements now live in the safety plan ("agreements for when the button is pressed" in the
-- newest version): carry any that exist over into a first plan version, then drop the old table.
insert into safety_plan_versions (case_id, version, language, content, reason)
select a.case_id, 1, coalesce(cl.language, 'nl'),
       jsonb_build_object('strengths', '[]'::jsonb, 'whatHelps', '[]'::jsonb, 'whoHelps', '[]'::jsonb,
         'ownActions', '[]'::jsonb, 'unsafeSituations', '[]'::jsonb,
         'alarmAgreements', jsonb_agg(a.text order by a.position), 'tips', '[]'::jsonb, 'digitalSafety', '[]'::jsonb),
       'overgenomen afspraken bij de noodknop'
from safety_plan_alarm_agreements a left join clients cl on cl.case_id = a.case_id
where not exists (select 1 from safety_plan_versions v where v.case_id = a.case_id)
group by a.case_id, cl.language;
drop table safety_plan_alarm_agreements;

-- Reminders and escalation of tasks are derived from due_at, done_at, reminded_at and escalated_at by a
-- restart-safe sweep over the open tasks.
create index tasks_open_due on tasks (due_at) where done_at is null;

-- One version number per form (and child): two saves from the same base cannot both win.
create unique index case_forms_version on case_forms
  (case_id, kind, coalesce(child_id, '00000000-0000-0000-0000-000000000000'::uuid), version);

-- Support referrals name the kind of support, so figures can count them.
alter table support_referrals add column kind text check (kind in ('legal', 'trauma_care', 'youth_care',
  'victim_support', 'housing', 'debt', 'perpetrator_care', 'other'));
