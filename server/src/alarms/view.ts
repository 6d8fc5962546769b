import { type Actor, decide } from '../access/index.ts';
import type { SecretBox } from '../crypto/sealed.ts';
import { openPosition, type PositionView } from '../crypto/sealed-position.ts';
import type { AlarmRow } from './repository.ts';

/** An alarm as the API shows it: the position opened from its sealed form. */
export type AlarmView = Omit<AlarmRow, 'positionSealed'> & { position: PositionView | null };

export function toAlarmView(secrets: SecretBox, row: AlarmRow): AlarmView {
  const { positionSealed, ...rest } = row;
  const position = openPosition(secrets, positionSealed);
  return {
    ...rest,
    position: position && { lat: position.lat, lon: position.lon, accuracy: position.accuracy },
  };
}

/**
 * The alarm centre sees every alarm of its regions; the police only what was handed to them (forwarded, or
 * escalated to level 2 because the alarm centre did not respond): since 2021 Dutch police take personal
 * alarms only through an alarm centre that verified them.
 */
export function seesAlarm(actor: Actor, alarm: Pick<AlarmRow, 'regionId' | 'handedToPolice'>): boolean {
  return alarm.handedToPolice || decide(actor, 'alarm.claim', { regionId: alarm.regionId }).allowed;
}
