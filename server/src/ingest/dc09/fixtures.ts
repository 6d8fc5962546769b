import type { DeviceEventKind } from '../../events/device-event.ts';
import type { DuhReason, NakReason } from './decoder.ts';

/**
 * Captured-style DC-09 frames (text between `<LF>` and `<CR>`) with what the decoder must make of
 * them. The first three are the public vectors from DC09.md; the rest were built once and are kept
 * verbatim so that the decoder is tested against fixed bytes, not against the encoder.
 */

/** the receiver's clock for every fixture: 7 s after the timestamp the timed frames carry */
export const FIXTURE_NOW = new Date(Date.UTC(2025, 2, 14, 9, 27, 0));
const SENT = new Date(Date.UTC(2025, 2, 14, 9, 26, 53));

/** plaintext accounts; account 1002 is keyed, with the key given per fixture */
export const PLAINTEXT_ACCOUNTS: readonly string[] = ['1234', '0123', '1001'];
export const KEYED_ACCOUNT = '1002';

export type Expected =
  | {
      outcome: 'event';
      kind: DeviceEventKind;
      account: string;
      sequence: string;
      code?: string;
      zone?: string;
      text?: string;
      occurredAt?: Date;
      position?: { lat: number; lon: number; altitude?: number; raw: string };
      /** echoed in the ACK */
      receiver?: string;
      prefix?: string;
    }
  | { outcome: 'nak'; reason: NakReason }
  | { outcome: 'duh'; reason: DuhReason };

export interface Dc09Fixture {
  name: string;
  frame: string;
  /** key configured for account 1002 (ASCII or hex form); absent: 1002 has no key */
  key?: string;
  expect: Expected;
}

const PANIC = { outcome: 'event', kind: 'panic', code: 'SIA PA', zone: '501' } as const;

export const FIXTURES: readonly Dc09Fixture[] = [
  {
    name: 'public vector 1: receiver, prefix, ASCII text',
    frame: 'F4D20029"SIA-DCS"0001RF3L77#1234[#1234|NRR|Atest]',
    expect: {
      outcome: 'event',
      kind: 'restoral',
      account: '1234',
      sequence: '0001',
      code: 'SIA RR',
      text: 'test',
      receiver: 'F3',
      prefix: '77',
    },
  },
  {
    name: 'public vector 2: empty data is a link test',
    frame: '96ED0016"SIA-DCS"0001L0#1234[]',
    expect: { outcome: 'event', kind: 'heartbeat', account: '1234', sequence: '0001', prefix: '0' },
  },
  {
    name: 'public vector 3: no prefix, ti modifier, automatic test',
    frame: '3BAC0029"SIA-DCS"0002#0123[#0123|Nti20:50:26RP99]',
    expect: {
      outcome: 'event',
      kind: 'heartbeat',
      account: '0123',
      sequence: '0002',
      code: 'SIA RP',
      zone: '99',
    },
  },
  {
    name: 'panic with location in degrees and decimal minutes',
    frame:
      '9D48005D"SIA-DCS"0007R1L1#1001[#1001|Nri1/PA501][X004E53.7100800][Y52N22.2129600]_09:26:53,03-14-2025',
    expect: {
      ...PANIC,
      account: '1001',
      sequence: '0007',
      occurredAt: SENT,
      position: { lat: 52.370216, lon: 4.895168, raw: '[X004E53.7100800][Y52N22.2129600]' },
      receiver: '1',
      prefix: '1',
    },
  },
  {
    name: 'panic with location in decimal degrees and altitude',
    frame: 'E3E70057"SIA-DCS"0008L0#1001[#1001|Nri1/PA501][X4.895168][Y52.370216][Z3.5]_09:26:53,03-14-2025',
    expect: {
      ...PANIC,
      account: '1001',
      sequence: '0008',
      position: { lat: 52.370216, lon: 4.895168, altitude: 3.5, raw: '[X4.895168][Y52.370216][Z3.5]' },
    },
  },
  {
    name: 'panic south and west, no timestamp, no zone',
    frame: '44800039"SIA-DCS"0009L0#1001[#1001|NPA][X-58.381592][Y-34.603722]',
    expect: {
      outcome: 'event',
      kind: 'panic',
      code: 'SIA PA',
      account: '1001',
      sequence: '0009',
      position: { lat: -34.603722, lon: -58.381592, raw: '[X-58.381592][Y-34.603722]' },
    },
  },
  {
    name: 'Contact ID new panic',
    frame: '8826003E"ADM-CID"0010R12L3#1001[#1001|1120 01 015]_09:26:53,03-14-2025',
    expect: {
      outcome: 'event',
      kind: 'panic',
      code: 'CID 1120',
      zone: '015',
      account: '1001',
      sequence: '0010',
      receiver: '12',
      prefix: '3',
    },
  },
  {
    name: 'Contact ID restore of a panic',
    frame: '0491003B"ADM-CID"0011L0#1001[#1001|3120 01 015]_09:26:53,03-14-2025',
    expect: {
      outcome: 'event',
      kind: 'restoral',
      code: 'CID 3120',
      zone: '015',
      account: '1001',
      sequence: '0011',
    },
  },
  {
    name: 'Contact ID repeat of a panic',
    frame: '2C26003B"ADM-CID"0012L0#1001[#1001|6120 01 015]_09:26:53,03-14-2025',
    expect: {
      outcome: 'event',
      kind: 'panic',
      code: 'CID 6120',
      zone: '015',
      account: '1001',
      sequence: '0012',
    },
  },
  {
    name: 'NULL link test',
    frame: '2BD80029"NULL"0013R0L0#1001[]_09:26:53,03-14-2025',
    expect: {
      outcome: 'event',
      kind: 'heartbeat',
      account: '1001',
      sequence: '0013',
      occurredAt: SENT,
      receiver: '0',
      prefix: '0',
    },
  },
  {
    name: 'extended data I, H, X, Y, Z and an unused M block',
    frame:
      '29680085"SIA-DCS"0014L0#1001[#1001|Nri1/PA501][IHelp needed][H09:26:40,03-14-2025][X5.1214][Y52.0907][Z12][Mcafe00112233]_09:26:53,03-14-2025',
    expect: {
      ...PANIC,
      account: '1001',
      sequence: '0014',
      text: 'Help needed',
      occurredAt: new Date(Date.UTC(2025, 2, 14, 9, 26, 40)),
      position: { lat: 52.0907, lon: 5.1214, altitude: 12, raw: '[X5.1214][Y52.0907][Z12]' },
    },
  },
  ...(
    [
      [
        'AES-128, ASCII key',
        'AwareDemoKey0001',
        '795E0098"*SIA-DCS"0020R1L0#1002[89495C335484A9B3F0E349147FD0BAB5450C2E5FE9324DA5CDB444FCB2E12F1B976E45100E526CCF4AB6469CF0E34ADBEBCAF24E12EC0C4C396DCF7E81BA8C65',
      ],
      [
        'AES-192, ASCII key',
        'AwareDemoKey0001-192bit!',
        'EB980098"*SIA-DCS"0020R1L0#1002[C323720833DD922EB04E83E6E394AF7A9DF64C5622EABF0D709DEEDB466598D0A187E68E5E2DC7006609ADE8874242DB8F7018DBF85F77FE2DF0E191FFC81C5C',
      ],
      [
        'AES-256, ASCII key',
        'AwareDemoKey0001-256bit-abcdefg!',
        '6B140098"*SIA-DCS"0020R1L0#1002[61B5570174A0E5049B324D90338B97A798DAEBE70131118C964E2739973650EF3F6DDA4444395E4695CDA62F29F7111D796855BE64D8E5598D1F886E25C6DF44',
      ],
      [
        'AES-128, hex key',
        '000102030405060708090A0B0C0D0E0F',
        '0C120098"*SIA-DCS"0020R1L0#1002[E056909BC0638CD2731F6A7AA1CAB32AA871510C2A7E9C14A5184263C4AD29E8D26D2B54D5DD127FB994F0291D44A2F4B1D437DB84CAF26714582123C94F55CB',
      ],
      [
        'AES-192, hex key',
        '000102030405060708090A0B0C0D0E0F1011121314151617',
        '372B0098"*SIA-DCS"0020R1L0#1002[64EFD0B5EF03A0C20681FDBA174A6445440715832D8A8D8D4F9AF3DF5008ADF56CBC31FFE7D730DA65CEFC28A1E88148EB02D2414E2E9233D6EB70326B47232B',
      ],
      [
        'AES-256, hex key',
        '000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F',
        '59080098"*SIA-DCS"0020R1L0#1002[450D480CFA1D4C6C2805395F70E20215661E4AB20DC47024FAB69E4E3E3FFEE2E2BD3054B312EF8BCC0873B9D0DF6E222710876E2090475696E28DE01E8A01E6',
      ],
    ] as const
  ).map(
    ([label, key, frame]): Dc09Fixture => ({
      name: `encrypted panic with location, ${label}`,
      frame,
      key,
      expect: {
        ...PANIC,
        account: '1002',
        sequence: '0020',
        occurredAt: SENT,
        position: { lat: 52.370216, lon: 4.895168, raw: '[X4.895168][Y52.370216]' },
        receiver: '1',
        prefix: '0',
      },
    }),
  ),
  {
    name: 'encrypted, NUL padding, data without #acct',
    frame: 'A4A70056"*SIA-DCS"0021L0#1002[82DE5A47F4403B98902FB89251B835CEFDA2773F5323DBB60164E9C817DE3F74',
    key: 'AwareDemoKey0001',
    expect: { ...PANIC, account: '1002', sequence: '0021', occurredAt: SENT },
  },
  {
    name: 'encrypted Contact ID periodic test, "0" padding',
    frame:
      '0F4D0076"*ADM-CID"0022L0#1002[83CCAAAB4915F07B68961A488D465D8EDC8A0AE693D457CAC335D17E5A13808B297149DAA93C8A954FC4430A37C79F4D',
    key: 'AwareDemoKey0001',
    expect: {
      outcome: 'event',
      kind: 'heartbeat',
      code: 'CID 1602',
      zone: '000',
      account: '1002',
      sequence: '0022',
    },
  },
  // Padding followed by "|" (the standard form) and without it, as some diallers send it; the frames
  // carry account 1002's ASCII key AwareDemoKey0001, their plaintexts are given in the names.
  {
    name: 'encrypted NULL link test, "pad|]_time"',
    frame: 'C9F20055"*NULL"0040R0L0#1002[D61506618C029DFA9DA5D58C1BDB2DD8FF5E0588903652EFEBCE58B6A2130813',
    key: 'AwareDemoKey0001',
    expect: {
      outcome: 'event',
      kind: 'heartbeat',
      account: '1002',
      sequence: '0040',
      occurredAt: SENT,
      receiver: '0',
      prefix: '0',
    },
  },
  {
    name: 'encrypted NULL link test, padding without "|": "pad]_time"',
    frame: '13D90055"*NULL"0041R0L0#1002[6159230669DC67CAAAD88A33ACF720F12F479F07A9555EAB4AD1D584A35AB85A',
    key: 'AwareDemoKey0001',
    expect: {
      outcome: 'event',
      kind: 'heartbeat',
      account: '1002',
      sequence: '0041',
      occurredAt: SENT,
      receiver: '0',
      prefix: '0',
    },
  },
  {
    name: 'encrypted panic, padding without "|": "pad#1002|Nri1/PA501]_time"',
    frame:
      '4CD70076"*SIA-DCS"0042L0#1002[3BE177DD33FECC11E22BF4D01DC31AE234061DBACEEC42B2C928E90BA8C8C7C6E44870F6C4637C6D829790B2CC1BBD16',
    key: 'AwareDemoKey0001',
    expect: { ...PANIC, account: '1002', sequence: '0042', occurredAt: SENT },
  },
  {
    name: 'encrypted Contact ID panic, padding without "|": "pad#1002|1120 01 001]_time"',
    frame:
      'B1D50076"*ADM-CID"0043L0#1002[F36557AD45C71293C4FC5034D78CB3C262E36035B6551761F6E17F7400F23D8312A44AB1DA0C34E2691434FB02AAC706',
    key: 'AwareDemoKey0001',
    expect: {
      outcome: 'event',
      kind: 'panic',
      code: 'CID 1120',
      zone: '001',
      account: '1002',
      sequence: '0043',
      occurredAt: SENT,
    },
  },
  {
    name: 'broken CRC',
    frame: 'F4D30029"SIA-DCS"0001RF3L77#1234[#1234|NRR|Atest]',
    expect: { outcome: 'nak', reason: 'bad-crc' },
  },
  {
    name: 'one changed byte in the body',
    frame: 'F4D20029"SIA-DCS"0001RF3L77#1234[#1234|NPA|Atest]',
    expect: { outcome: 'nak', reason: 'bad-crc' },
  },
  {
    name: 'wrong length, right CRC',
    frame: 'F4D2002A"SIA-DCS"0001RF3L77#1234[#1234|NRR|Atest]',
    expect: { outcome: 'nak', reason: 'bad-length' },
  },
  {
    name: 'truncated frame',
    frame: 'F4D20029"SIA-DCS"0001RF3L77#1234[#1234|NR',
    expect: { outcome: 'nak', reason: 'bad-crc' },
  },
  {
    name: 'truncated inside the header',
    frame: 'F4D20',
    expect: { outcome: 'nak', reason: 'malformed' },
  },
  {
    name: 'unknown token',
    frame: '3D670016"SIA-XYZ"0001L0#1234[]',
    expect: { outcome: 'duh', reason: 'unknown-token' },
  },
  {
    name: 'unknown account',
    frame: '04DB0016"SIA-DCS"0001L0#9999[]',
    expect: { outcome: 'duh', reason: 'unknown-account' },
  },
  {
    name: 'encrypted message for an account without a key',
    frame:
      '795E0098"*SIA-DCS"0020R1L0#1002[89495C335484A9B3F0E349147FD0BAB5450C2E5FE9324DA5CDB444FCB2E12F1B976E45100E526CCF4AB6469CF0E34ADBEBCAF24E12EC0C4C396DCF7E81BA8C65',
    expect: { outcome: 'duh', reason: 'no-key-for-encrypted' },
  },
  {
    name: 'plaintext panic for an account that has a key (forgery)',
    frame: 'C03E003A"SIA-DCS"0030L0#1002[#1002|Nri1/PA501]_09:26:53,03-14-2025',
    key: 'AwareDemoKey0001',
    expect: { outcome: 'duh', reason: 'encryption-required' },
  },
  {
    name: 'encrypted with a different key',
    frame:
      '795E0098"*SIA-DCS"0020R1L0#1002[89495C335484A9B3F0E349147FD0BAB5450C2E5FE9324DA5CDB444FCB2E12F1B976E45100E526CCF4AB6469CF0E34ADBEBCAF24E12EC0C4C396DCF7E81BA8C65',
    key: 'SomeOtherKey0001',
    expect: { outcome: 'nak', reason: 'decrypt-failed' },
  },
];
