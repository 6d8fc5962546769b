import type { Queryable } from '../db/index.ts';
import type { OpenLink } from './voice-link.ts';

/** The alarm's open voice link, locked for this transaction; null when none is open. */
export async function openVoiceLink(
  tx: Queryable,
  alarmId: string,
): Promise<(OpenLink & { id: number }) | null> {
  const r = await tx.query<OpenLink & { id: number | string }>(
    `select id, opened_as as "openedAs", spoke_at as "spokeAt" from alarm_voice_links
     where alarm_id = $1 and closed_at is null for update`,
    [alarmId],
  );
  const row = r.rows[0];
  return row ? { ...row, id: Number(row.id) } : null;
}

export async function openVoice(
  tx: Queryable,
  link: { alarmId: string; by: string; as: 'listen' | 'speak' },
): Promise<void> {
  await tx.query(
    `insert into alarm_voice_links (alarm_id, opened_by, opened_as, spoke_at)
     values ($1, $2, $3, case when $3 = 'speak' then now() end)`,
    [link.alarmId, link.by, link.as],
  );
}

export async function startSpeaking(tx: Queryable, linkId: number): Promise<void> {
  await tx.query('update alarm_voice_links set spoke_at = now() where id = $1 and spoke_at is null', [
    linkId,
  ]);
}

export async function closeVoice(tx: Queryable, linkId: number): Promise<void> {
  await tx.query('update alarm_voice_links set closed_at = now() where id = $1', [linkId]);
}

/** The voice link as the console shows it: the newest link of the alarm, open or closed. */
export async function newestVoiceLink(db: Queryable, alarmId: string) {
  const r = await db.query<{
    openedAt: Date;
    openedAs: 'listen' | 'speak';
    spokeAt: Date | null;
    closedAt: Date | null;
  }>(
    `select opened_at as "openedAt", opened_as as "openedAs", spoke_at as "spokeAt", closed_at as "closedAt"
     from alarm_voice_links where alarm_id = $1 order by id desc limit 1`,
    [alarmId],
  );
  return r.rows[0] ?? null;
}

/** The alarm row locked, with the moment it was first shown (null: not yet). */
export async function lockShown(
  tx: Queryable,
  alarmId: string,
): Promise<{ shownAt: Date | null; state: string; regionId: string } | null> {
  const r = await tx.query<{ shownAt: Date | null; state: string; regionId: string }>(
    `select shown_at as "shownAt", state, region_id as "regionId" from alarms where id = $1 for update`,
    [alarmId],
  );
  return r.rows[0] ?? null;
}

/** When the alarm was first shown (set by the trigger of migration 0023 from its `shown` entry). */
export async function shownAt(tx: Queryable, alarmId: string): Promise<Date | null> {
  const r = await tx.query<{ shownAt: Date | null }>(
    'select shown_at as "shownAt" from alarms where id = $1',
    [alarmId],
  );
  return r.rows[0]?.shownAt ?? null;
}
