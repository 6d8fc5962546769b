import { type Actor, decide } from '../access/index.ts';
import type { SecretBox } from '../crypto/sealed.ts';
import { type AddressView, openAddress } from '../crypto/sealed-address.ts';
import { openPosition } from '../crypto/sealed-position.ts';
import type { AlarmRow } from './repository.ts';

export interface AlarmPositionView {
  lat: number;
  lon: number;
  accuracy: number | null;
  /** when the fix was taken (ISO); null when the device did not say */
  fixedAt: string | null;
  /** seconds between the fix and the alarm's arrival: a last known place, not a live one, when large */
  ageAtAlarmSeconds: number | null;
  /** the address near it, once the geocoder found one; null until then, and where it found none */
  address: AddressView | null;
}

/** An alarm as the API shows it: the position and its address opened from their sealed form. */
export type AlarmView = Omit<AlarmRow, 'positionSealed' | 'addressSealed'> & {
  position: AlarmPositionView | null;
};

export function toAlarmView(secrets: SecretBox, row: AlarmRow): AlarmView {
  const { positionSealed, addressSealed, ...rest } = row;
  const position = openPosition(secrets, positionSealed);
  const fixedAt = position?.at ?? null;
  return {
    ...rest,
    position: position && {
      lat: position.lat,
      lon: position.lon,
      accuracy: position.accuracy,
      fixedAt,
      ageAtAlarmSeconds: fixedAt
        ? Math.max(0, Math.round((row.receivedAt.getTime() - Date.parse(fixedAt)) / 1000))
        : null,
      address: openAddress(secrets, addressSealed),
    },
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
