-- The home pages list open tasks per organisation (police, Veilig Thuis) and per meeting.
create index tasks_open_by_organisation on tasks (assignee_organisation_id, due_at) where done_at is null;
create index tasks_meeting on tasks (meeting_id) where meeting_id is not null;
