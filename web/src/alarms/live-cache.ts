// An alarm that changed — carried by the live stream, or returned by a handling step — written into every
// cached read that shows it, so no page shows an older state: the open queue and the alarm's detail take it
// at once; what the alarm's change adds elsewhere (a timeline row, a line in the history) is re-read, but
// only by a page that shows it (an unshown read is marked stale and read when next shown).
import type { QueryClient } from '@tanstack/react-query';
import type { Alarm, AlarmDetail } from '../api/contract.ts';
import { notificationKeys } from '../notifications/queries.ts';
import { isOpen, mergeAlarm } from './model.ts';
import { alarmKeys } from './queries.ts';

export function applyAlarm(client: QueryClient, alarm: Alarm): void {
  client.setQueryData<Alarm[]>(alarmKeys.open, (list) => (list ? mergeAlarm(list, alarm) : list));
  client.setQueryData<AlarmDetail>(alarmKeys.detail(alarm.id), (detail) =>
    detail ? { ...detail, ...alarm } : detail,
  );
  alarmDetailsChanged(client, [alarm.id, ...(alarm.firstAlarmId ? [alarm.firstAlarmId] : [])]);
  if (!isOpen(alarm)) {
    void client.invalidateQueries({ queryKey: alarmKeys.history });
    // a resolved panic on a case notifies its caseworker
    void client.invalidateQueries({ queryKey: notificationKeys.all });
  }
}

/** Their timelines grew (a step, a dispatch note, a repeated press): re-read where shown. */
export function alarmDetailsChanged(client: QueryClient, ids: readonly string[]): void {
  for (const id of ids) void client.invalidateQueries({ queryKey: alarmKeys.detail(id), exact: true });
}
