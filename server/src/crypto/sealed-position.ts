import type { Position } from '../events/device-event.ts';
import type { SecretBox } from './sealed.ts';

/** The position as shown to those allowed to see it. */
export interface PositionView {
  lat: number;
  lon: number;
  accuracy: number | null;
  altitude?: number | null;
  at?: string;
}

export function sealPosition(secrets: SecretBox, position: Position, at?: Date): string {
  return secrets.seal(
    JSON.stringify({
      lat: position.lat,
      lon: position.lon,
      accuracy: position.accuracy ?? null,
      altitude: position.altitude ?? null,
      ...(at ? { at: at.toISOString() } : {}),
    }),
  );
}

export function openPosition(secrets: SecretBox, sealed: string | null): PositionView | null {
  return sealed ? (JSON.parse(secrets.open(sealed)) as PositionView) : null;
}
