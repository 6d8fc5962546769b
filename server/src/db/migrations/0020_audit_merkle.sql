-- The audit log no longer chains each entry to the previous one under a global lock. Entries are
-- inserted freely; the sequencer (leader node) later gives each a place in an RFC 6962 Merkle tree
-- (leaf_index, dense from 0, in the order it integrates them) and signs a checkpoint over the tree.
-- prev_hash/hash stay for entries written before this migration and are no longer written.
alter table audit_log alter column prev_hash drop not null;
alter table audit_log alter column hash drop not null;
alter table audit_log add column leaf_index bigint unique;
alter table audit_log add column leaf_hash text;
alter table audit_log add constraint audit_log_leaf_complete
  check ((leaf_index is null) = (leaf_hash is null));
-- what the sequencer reads every ~200 ms: entries committed but not yet in the tree
create index audit_log_unintegrated on audit_log (seq) where leaf_index is null;

-- Append-only, with one exception: the sequencer sets an entry's place in the tree, once, and nothing else.
create or replace function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and old.leaf_index is null and new.leaf_index is not null
     and (new.seq, new.at, new.actor_id, new.actor_label, new.action, new.access, new.record_type,
          new.record_id, new.ip, new.reason, new.details, new.prev_hash, new.hash)
         is not distinct from
         (old.seq, old.at, old.actor_id, old.actor_label, old.action, old.access, old.record_type,
          old.record_id, old.ip, old.reason, old.details, old.prev_hash, old.hash) then
    return new;
  end if;
  raise exception 'audit_log is append-only';
end;
$$;

-- One signed checkpoint per integrated batch. frontier holds the roots of the tree's perfect subtrees
-- (largest first), so the next batch extends the tree without reading earlier leaves.
create table audit_checkpoints (
  tree_size bigint primary key check (tree_size > 0),
  root_hash text not null,
  signed_at timestamptz not null,
  key_id text not null,
  signature text not null,
  frontier jsonb not null
);

create function audit_checkpoints_are_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_checkpoints is append-only';
end;
$$;
create trigger audit_checkpoints_no_update before update or delete on audit_checkpoints
  for each row execute function audit_checkpoints_are_append_only();
