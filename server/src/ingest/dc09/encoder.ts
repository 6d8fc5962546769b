import { encryptContent } from './crypto.ts';
import { frameMessage } from './response.ts';
import { formatDc09Time } from './timestamp.ts';

export interface Dc09Message {
  token: string;
  sequence: number | string;
  receiver?: string;
  prefix?: string;
  account: string;
  /** the data block content, e.g. `#1001|Nri1/PA501`; empty for a link test */
  data?: string;
  /** extended data block contents without brackets, e.g. `X4.895168` */
  xdata?: readonly string[];
  /** message time; null leaves it out (plaintext only, encrypted messages always carry one) */
  timestamp?: Date | null;
  /** AES key: sends `"*TOKEN"` with an encrypted body */
  key?: Buffer;
  /** false: the padding is not followed by `|` (`pad]_time`), as some diallers send it */
  paddingBar?: boolean;
}

/** A complete frame, `<LF>` … `<CR>`, as a dialler sends it. */
export function encodeDc09(message: Dc09Message): string {
  const sequence = String(message.sequence).padStart(4, '0');
  const receiver = message.receiver === undefined ? '' : `R${message.receiver}`;
  const prefix = message.prefix === undefined ? '' : `L${message.prefix}`;
  const xdata = (message.xdata ?? []).map((block) => `[${block}]`).join('');
  const time =
    message.timestamp === null && !message.key ? '' : `_${formatDc09Time(message.timestamp ?? new Date())}`;
  const header = `${sequence}${receiver}${prefix}#${message.account}`;
  if (message.key) {
    const cipher = encryptContent(`${message.data ?? ''}]${xdata}${time}`, message.key, {
      bar: message.paddingBar !== false,
    });
    return frameMessage(`"*${message.token}"${header}[${cipher}`);
  }
  return frameMessage(`"${message.token}"${header}[${message.data ?? ''}]${xdata}${time}`);
}

/** SIA DCS data block: `#acct|Nri1/PA501`. */
export function siaData(account: string, code: string, zone = '', area = '1'): string {
  return `#${account}|Nri${area}/${code}${zone}`;
}

/** Contact ID data block: `#acct|QEEE GG ZZZ`. */
export function cidData(
  account: string,
  qualifier: 1 | 3 | 6,
  event: string,
  group = '01',
  zone = '001',
): string {
  return `#${account}|${qualifier}${event} ${group} ${zone}`;
}

/** X/Y extended data, in decimal degrees or in degrees + hemisphere + decimal minutes. */
export function locationXdata(lat: number, lon: number, form: 'decimal' | 'minutes' = 'decimal'): string[] {
  if (form === 'decimal') return [`X${lon.toFixed(6)}`, `Y${lat.toFixed(6)}`];
  const minutes = (value: number, degreeDigits: number, positive: string, negative: string) => {
    const abs = Math.abs(value);
    let degrees = Math.floor(abs);
    let rest = Number(((abs - degrees) * 60).toFixed(7));
    if (rest >= 60) {
      degrees += 1;
      rest = 0;
    }
    const hemisphere = value < 0 ? negative : positive;
    return `${String(degrees).padStart(degreeDigits, '0')}${hemisphere}${rest.toFixed(7).padStart(10, '0')}`;
  };
  return [`X${minutes(lon, 3, 'E', 'W')}`, `Y${minutes(lat, 2, 'N', 'S')}`];
}
