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
