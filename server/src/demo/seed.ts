import type { Role } from '../access/index.ts';
import { DEFAULT_PLANS } from '../alarms/plans/defaults.ts';
import { savePlan } from '../alarms/plans/repository.ts';
import { audit } from '../audit/index.ts';
import { insertCase } from '../cases/repository.ts';
import { insertDevice, openAssignment, updateDevice } from '../devices/repository.ts';
import { hashPassword } from '../identity/password.ts';
import { insertMembership, insertUser, updateTotp } from '../identity/repository.ts';
import { insertVendor } from '../ingest/vendor-repository.ts';
import { insertContact, insertOrganisation, insertRegion } from '../organisations/repository.ts';
import type { Platform } from '../platform.ts';
import { seedCaseHistory } from './case-history.ts';
import { demoPlan, seedCasework } from './casework.ts';
import { seedFiguresHistory } from './history.ts';

/** Everything here is listed in docs/demo.md; keep the two in step. */
export const DEMO = {
  region: 'Demoregio Gooi en Vechtstreek',
  domain: 'demo.aware.test',
  password: 'demo-password',
  totpSecret: 'JBSWY3DPEHPK3PXP',
  vendor: { name: 'Secure2go', webhookSecret: 'demo-webhook-secret-not-for-production' },
  encryptedAccount: { account: '1002', key: 'AwareDemoKey0001' },
} as const;

const ORGANISATIONS = [
  {
    key: 'shelter',
    name: 'Vrouwenopvang De Schuilplaats',
    type: 'shelter',
    contact: [
      ['Team AWARE', 'Ilse de Boer'],
      ['Coördinator AWARE', 'Mirjam Visser'],
    ],
  },
  {
    key: 'vt',
    name: 'Veilig Thuis Demoregio',
    type: 'veilig_thuis',
    contact: [
      ['Frontoffice', 'Ruud Jansen'],
      ['Triagist', 'Noor Bakker'],
    ],
  },
  {
    key: 'police',
    name: 'Politie Basisteam Demostad',
    type: 'police',
    contact: [
      ['Stalkingsfunctionaris', 'Dennis Smit'],
      ['Wijkagent', 'Anouk Mulder'],
    ],
  },
  {
    key: 'pac',
    name: 'Alarmcentrale Demo (PAC)',
    type: 'alarm_centre',
    contact: [
      ['Meldkamer PAC', 'Bas de Groot'],
      ['Supervisor', 'Linda Bos'],
    ],
  },
  {
    key: 'zvhh',
    name: 'Zorg- en Veiligheidshuis Demoregio',
    type: 'zvhh',
    contact: [
      ['Procesregisseur', 'Hanneke Vos'],
      ['Secretariaat', 'Joyce Peters'],
    ],
  },
  {
    key: 'gemeente',
    name: 'Gemeente Demostad',
    type: 'municipality',
    contact: [
      ['Beleidsadviseur', 'Marco Hendriks'],
      ['Contractbeheer', 'Esther van Dijk'],
    ],
  },
  {
    key: 'jeugd',
    name: 'Jeugdzorg Demoregio',
    type: 'youth_care',
    contact: [
      ['Jeugdbeschermer', 'Yusuf Kaya'],
      ['Teamleider', 'Karin Dekker'],
    ],
  },
  {
    key: 'rn',
    name: 'Reclassering Demoregio',
    type: 'probation',
    contact: [
      ['Reclasseringswerker', 'Tom Willems'],
      ['Teamleider', 'Fleur Brouwer'],
    ],
  },
  {
    key: 'om',
    name: 'Openbaar Ministerie Arrondissement Demo',
    type: 'prosecutor',
    contact: [
      ['Officier huiselijk geweld', 'Eva Hoekstra'],
      ['Secretariaat', 'Kees Koster'],
    ],
  },
] as const;
type OrgKey = (typeof ORGANISATIONS)[number]['key'];

const USERS: { local: string; name: string; org: OrgKey; roles: Role[] }[] = [
  { local: 'admin', name: 'Anne Beheer', org: 'gemeente', roles: ['admin'] },
  { local: 'operator', name: 'Omar Alarmcentrale', org: 'pac', roles: ['operator'] },
  { local: 'police', name: 'Petra Politie', org: 'police', roles: ['police', 'police_control'] },
  { local: 'vt', name: 'Vera Veilig Thuis', org: 'vt', roles: ['vt'] },
  { local: 'caseworker', name: 'Carla Hulpverlener', org: 'shelter', roles: ['caseworker'] },
  { local: 'caseworker2', name: 'Chris Hulpverlener', org: 'shelter', roles: ['caseworker'] },
  { local: 'coordinator', name: 'Coen Coördinator', org: 'shelter', roles: ['coordinator'] },
  { local: 'funder', name: 'Fatima Financier', org: 'gemeente', roles: ['funder'] },
  { local: 'procesregisseur', name: 'Paul Procesregisseur', org: 'zvhh', roles: ['process_director'] },
  { local: 'commissie', name: 'Kim Indicatiecommissie', org: 'vt', roles: ['committee'] },
];

/** Fictitious people for the active demo cases (AW-2026-0006, -0007, -0008). */
const DEMO_PROFILES = [
  {
    caseIndex: 5,
    client: 'Sanne de Vries',
    language: 'nl',
    phone: '+31 6 5550 1001',
    address: 'Schuiladres, Demostraat 1, 1234 AB Demostad',
    perpetrator: 'Mark de Vries',
    description: 'Man, 38 jaar, ca. 1.85 m, kort donker haar, baard, tatoeage linkeronderarm',
    vehicle: 'Grijze Volkswagen Golf',
    registration: 'XX-123-Y',
    weapons: 'Heeft eerder met een mes gedreigd',
    riskFlags: ['eerder geweld', 'drugsgebruik', 'overtreding contactverbod'],
    bans: [
      ['contact', 'Contactverbod met cliënt en kinderen tot 1 juni 2027'],
      ['area', 'Gebiedsverbod wijk Demostad-Noord'],
    ] as const,
    children: [
      ['Lotte', 2016],
      ['Daan', 2019],
    ] as const,
    agreements: [
      'Niet terugbellen: de pleger controleert haar telefoon. Alleen meeluisteren via de knop.',
      'Bij een melding: politie met prio 1 naar GPS-locatie; cliënt blijft binnen achter gesloten deur.',
      'Kinderen gaan bij dreiging naar de buren (nr. 3); school is geïnformeerd.',
      'Na de melding belt de hulpverlener de cliënt binnen 24 uur.',
    ],
  },
  {
    caseIndex: 6,
    client: 'Fatma Yilmaz',
    language: 'tr',
    phone: '+31 6 5550 1002',
    address: 'Schuiladres, Voorbeeldlaan 22, 1234 CD Demostad',
    perpetrator: 'Kerem Yilmaz',
    description: 'Man, 41 jaar, ca. 1.75 m, kaal, bril',
    vehicle: 'Zwarte BMW 3-serie',
    registration: 'ZZ-987-K',
    weapons: 'Geen bekend',
    riskFlags: ['stalking via telefoon', 'volgt cliënt met auto'],
    bans: [['contact', 'Contactverbod met cliënt']] as const,
    children: [] as const,
    agreements: [
      'Cliënt spreekt beperkt Nederlands: tolk Turks via tolkentelefoon.',
      'Bij melding ook wijkagent informeren.',
    ],
  },
  {
    caseIndex: 7,
    client: 'Joyce Bakker',
    language: 'nl',
    phone: '+31 6 5550 1003',
    address: 'Schuiladres, Proefweg 7, 1234 EF Demostad',
    perpetrator: 'Rob Jansen',
    description: 'Man, 29 jaar, ca. 1.90 m, blond, sportief postuur',
    vehicle: 'Rode scooter',
    registration: 'F-123-BB',
    weapons: 'Onbekend',
    riskFlags: ['dreigt op sociale media'],
    bans: [] as const,
    children: [['Noah', 2021]] as const,
    agreements: ['Cliënt houdt de knop altijd bij zich, ook thuis.'],
  },
];

/** A neutral SVG silhouette as a data URL: the demo carries no real photos. */
function silhouette(seed: number): string {
  const hue = (seed * 67) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="hsl(${hue},25%,85%)"/><circle cx="32" cy="24" r="12" fill="hsl(${hue},20%,45%)"/><path d="M10 60c2-14 12-20 22-20s20 6 22 20z" fill="hsl(${hue},20%,45%)"/></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** Loads the demo region once; does nothing when it is already there. */
export async function seedDemo(platform: Platform, options: { history?: boolean } = {}): Promise<boolean> {
  const { db, secrets } = platform;
  const exists = await db.query('select 1 from regions where name = $1', [DEMO.region]);
  if (exists.rows.length > 0) {
    // three years of generated trajectories for the figures (opt-in: tests count the demo's cases)
    if (options.history) await seedFiguresHistory(db, DEMO.region);
    return false;
  }
  const passwordHash = await hashPassword(DEMO.password);
  const sealedTotp = secrets.seal(DEMO.totpSecret);

  await db.transaction(async (tx) => {
    const regionId = await insertRegion(tx, DEMO.region, true);
    // the alarm centre's action plan per alarm kind, as a region would write it (issue 16)
    for (const plan of Object.values(DEFAULT_PLANS))
      await savePlan(tx, { regionId, ...plan, baseVersion: 0, by: null });
    const orgs = {} as Record<OrgKey, string>;
    for (const o of ORGANISATIONS) {
      orgs[o.key] = await insertOrganisation(tx, { regionId, name: o.name, type: o.type });
      for (const [i, [role, name]] of o.contact.entries()) {
        await insertContact(tx, orgs[o.key], {
          name,
          role,
          phone: `+31 20 555 ${String(1000 + i * 11 + o.key.length).slice(-4)}`,
          email: `${o.key}.${i + 1}@${DEMO.domain}`,
        });
      }
    }
    const users = {} as Record<string, string>;
    for (const u of USERS) {
      const id = await insertUser(tx, {
        email: `${u.local}@${DEMO.domain}`,
        displayName: u.name,
        passwordHash,
        mustChangePassword: false,
      });
      await updateTotp(tx, id, sealedTotp, true);
      for (const role of u.roles)
        await insertMembership(tx, { userId: id, organisationId: orgs[u.org], role });
      users[u.local] = id;
    }

    const phases = [
      ['referral', 'stalking', null],
      ['screening', 'stalking', null],
      ['decision', 'acute_unsafety', null],
      ['rejected', 'stalking', null],
      ['connecting', 'stalking', 'caseworker'],
      ['active', 'stalking', 'caseworker'],
      ['active', 'acute_unsafety', 'caseworker'],
      ['active', 'stalking', 'caseworker2'],
      ['evaluation', 'stalking', 'caseworker2'],
      ['closed', 'stalking', 'caseworker2'],
    ] as const;
    const caseIds: string[] = [];
    for (const [i, [status, targetGroup, worker]] of phases.entries()) {
      caseIds.push(
        await insertCase(tx, {
          reference: `AW-2026-${String(i + 1).padStart(4, '0')}`,
          regionId,
          organisationId: orgs.shelter,
          status,
          targetGroup,
          caseworkerId: worker ? users[worker]! : null,
        }),
      );
    }

    // every demo case is a joint case of the shelter, Veilig Thuis and the police; the ZVHH joins the active ones
    for (const [i, caseId] of caseIds.entries()) {
      const parties: [string, string][] = [
        [orgs.shelter, 'executing'],
        [orgs.vt, 'veilig_thuis'],
        [orgs.police, 'police'],
      ];
      if (phases[i]![0] === 'active') parties.push([orgs.zvhh, 'zvhh']);
      for (const [organisationId, role] of parties)
        await tx.query('insert into case_parties (case_id, organisation_id, role) values ($1, $2, $3)', [
          caseId,
          organisationId,
          role,
        ]);
    }

    for (const [index, profile] of DEMO_PROFILES.entries()) {
      const caseId = caseIds[profile.caseIndex]!;
      await tx.query(
        `insert into clients (case_id, name, language, phone_sealed, address_sealed, photo_sealed) values ($1, $2, $3, $4, $5, $6)`,
        [
          caseId,
          profile.client,
          profile.language,
          secrets.seal(profile.phone),
          secrets.seal(profile.address),
          secrets.seal(silhouette(index)),
        ],
      );
      await tx.query(
        `insert into perpetrators (case_id, name, description, vehicle, registration, weapons, risk_flags, photo_sealed)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          caseId,
          profile.perpetrator,
          profile.description,
          profile.vehicle,
          profile.registration,
          profile.weapons,
          profile.riskFlags,
          secrets.seal(silhouette(index + 3)),
        ],
      );
      for (const [kind, description] of profile.bans) {
        await tx.query('insert into case_bans (case_id, kind, description) values ($1, $2, $3)', [
          caseId,
          kind,
          description,
        ]);
      }
      for (const [firstName, birthYear] of profile.children) {
        await tx.query('insert into case_children (case_id, first_name, birth_year) values ($1, $2, $3)', [
          caseId,
          firstName,
          birthYear,
        ]);
      }
      // the first safety plan version holds the agreements the alarm console shows
      await tx.query(
        `insert into safety_plan_versions (case_id, version, language, content, reason, created_by)
         values ($1, 1, $2, $3, 'eerste versie', $4)`,
        [
          caseId,
          profile.language,
          JSON.stringify(demoPlan(profile.agreements)),
          users[phases[profile.caseIndex]![2] ?? 'caseworker'],
        ],
      );
    }

    await insertVendor(tx, secrets, DEMO.vendor.name, DEMO.vendor.webhookSecret);
    const devices = [
      {
        vendor: 'X-mark',
        model: 'AWARE-knop 4G',
        serial: 'XM-1001',
        protocol: 'dc09',
        account: '1001',
        key: null,
        caseIndex: 5,
      },
      {
        vendor: 'X-mark',
        model: 'AWARE-knop 4G',
        serial: 'XM-1002',
        protocol: 'dc09',
        account: '1002',
        key: DEMO.encryptedAccount.key,
        caseIndex: 6,
      },
      {
        vendor: 'X-mark',
        model: 'AWARE-knop 4G',
        serial: 'XM-1003',
        protocol: 'dc09',
        account: '1003',
        key: null,
        caseIndex: null,
      },
      {
        vendor: 'X-mark',
        model: 'AWARE-knop 4G',
        serial: 'XM-1004',
        protocol: 'dc09',
        account: '1004',
        key: null,
        caseIndex: null,
      },
      {
        vendor: 'Traccar Client',
        model: 'Android-telefoon',
        serial: 'TC-0001',
        protocol: 'osmand',
        account: 'demo-phone-1',
        key: null,
        caseIndex: 7,
      },
      {
        vendor: DEMO.vendor.name,
        model: 'S2G Personal',
        serial: 'S2G-0001',
        protocol: 'webhook',
        account: 'S2G-0001',
        key: null,
        caseIndex: null,
      },
    ] as const;
    for (const d of devices) {
      const id = await insertDevice(tx, {
        organisationId: orgs.shelter,
        vendor: d.vendor,
        model: d.model,
        serial: d.serial,
        imei: null,
        simNumber: null,
        protocol: d.protocol,
        account: d.account,
        keySealed: d.key ? secrets.seal(d.key) : null,
        rentPerQuarterCents: 11_500,
        heartbeatIntervalSeconds: 3600,
      });
      if (d.caseIndex !== null) {
        await openAssignment(tx, id, caseIds[d.caseIndex]!, users.coordinator!);
        await updateDevice(tx, id, { caseId: caseIds[d.caseIndex], state: 'issued' });
        await tx.query('update devices set last_seen_at = now(), battery_percent = 90 where id = $1', [id]);
      }
    }
    await seedCasework(
      tx,
      phases.map(([status, , worker], i) => ({
        id: caseIds[i]!,
        status,
        caseworkerId: worker ? users[worker]! : null,
      })),
      { processDirectorId: users.procesregisseur!, policeId: users.police! },
    );
    await seedCaseHistory(
      tx,
      platform,
      phases.map(([status, targetGroup, worker], index) => ({
        id: caseIds[index]!,
        reference: `AW-2026-${String(index + 1).padStart(4, '0')}`,
        status,
        targetGroup,
        caseworkerId: worker ? users[worker]! : null,
        index,
      })),
      orgs,
      { coordinator: users.coordinator!, vt: users.vt!, police: users.police! },
      regionId,
    );
    await audit(
      tx,
      { actor: { kind: 'system', id: null, label: 'demo-seed', grants: [] }, ip: null },
      {
        action: 'demo.seed',
        access: 'write',
        recordType: 'region',
        recordId: regionId,
      },
    );
  });
  if (options.history) await seedFiguresHistory(db, DEMO.region);
  return true;
}
