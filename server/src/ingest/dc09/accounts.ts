import { parseKey } from '../../crypto/aes-key.ts';
import type { SecretBox } from '../../crypto/sealed.ts';
import type { DeviceDirectory } from '../../devices/directory.ts';
import type { Dc09AccountRecord } from './answer.ts';

const MAX_KEYS = 100_000;

/**
 * The receiver's account look-up: the device directory, and the device's AES key opened once per
 * sealed value rather than once per frame (an AES-GCM open under the master key each time).
 */
export function dc09AccountLookup(directory: DeviceDirectory, secrets: SecretBox) {
  const keys = new Map<string, Buffer | null>();
  return async (account: string): Promise<Dc09AccountRecord | null> => {
    const device = await directory.find('dc09', account);
    if (!device) return null;
    if (!device.keySealed) return { key: null };
    let key = keys.get(device.keySealed);
    if (key === undefined) {
      const parsed = parseKey(secrets.open(device.keySealed));
      key = parsed.ok ? parsed.key : null;
      if (keys.size >= MAX_KEYS) keys.clear();
      keys.set(device.keySealed, key);
    }
    return { key };
  };
}
