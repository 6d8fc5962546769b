import type { SecretBox } from './sealed.ts';

/** An address found near a position: where she probably is, so personal data like the position itself. */
export interface AddressView {
  /** as the geocoder words it, e.g. "Stationsplein 1, 1211EX Hilversum" */
  text: string;
  /** from the position to the address point, metres; null when the geocoder gave no point */
  distanceMetres: number | null;
}

export function sealAddress(secrets: SecretBox, address: AddressView): string {
  return secrets.seal(JSON.stringify({ text: address.text, distanceMetres: address.distanceMetres }));
}

export function openAddress(secrets: SecretBox, sealed: string | null): AddressView | null {
  return sealed ? (JSON.parse(secrets.open(sealed)) as AddressView) : null;
}
