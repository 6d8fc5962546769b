import { describe, expect, it } from 'vitest';
import { type Action, caseVisibility, decide } from './policy.ts';
import { type Actor, ROLES, type Role } from './roles.ts';

const REGION = 'region-own';
const OTHER_REGION = 'region-other';
const ORG = 'org-own';
const OTHER_ORG = 'org-other';

const actor = (role: Role, id = `user-${role}`): Actor => ({
  kind: 'user',
  id,
  label: `${role}@test`,
  grants: [{ role, organisationId: ORG, organisationType: 'shelter', regionId: REGION }],
});

type Record = 'own' | 'other';
/** For each action: the record the actor is related to ("own") and one they are not ("other"). */
const records: { [A in Action]: { own: object; other: object } } = {
  'region.read': { own: { regionId: REGION }, other: { regionId: OTHER_REGION } },
  'region.manage': { own: { regionId: REGION }, other: { regionId: OTHER_REGION } },
  'organisation.read': { own: { regionId: REGION }, other: { regionId: OTHER_REGION } },
  'organisation.manage': { own: { regionId: REGION }, other: { regionId: OTHER_REGION } },
  'user.read': { own: { organisationId: ORG }, other: { organisationId: OTHER_ORG } },
  'user.manage': { own: { organisationId: ORG }, other: { organisationId: OTHER_ORG } },
  'apitoken.manage': { own: {}, other: {} },
  'audit.read': { own: {}, other: {} },
  'device.read': {
    own: { organisationId: ORG, regionId: REGION },
    other: { organisationId: OTHER_ORG, regionId: OTHER_REGION },
  },
  'device.manage': {
    own: { organisationId: ORG, regionId: REGION },
    other: { organisationId: OTHER_ORG, regionId: OTHER_REGION },
  },
  'case.list': { own: {}, other: {} },
  'case.read': {
    own: { regionId: REGION, organisationId: ORG, caseTeam: ['ROLE_USER'], parties: [ORG] },
    other: {
      regionId: OTHER_REGION,
      organisationId: OTHER_ORG,
      caseTeam: ['someone-else'],
      parties: [OTHER_ORG],
    },
  },
  'case.write': {
    own: { regionId: REGION, organisationId: ORG, caseTeam: ['ROLE_USER'], parties: [ORG] },
    other: {
      regionId: OTHER_REGION,
      organisationId: OTHER_ORG,
      caseTeam: ['someone-else'],
      parties: [OTHER_ORG],
    },
  },
  'case.create': {
    own: { regionId: REGION, organisationId: ORG },
    other: { regionId: OTHER_REGION, organisationId: OTHER_ORG },
  },
  'case.decide': {
    own: { regionId: REGION, organisationId: ORG, caseTeam: ['ROLE_USER'], parties: [ORG] },
    other: {
      regionId: OTHER_REGION,
      organisationId: OTHER_ORG,
      caseTeam: ['someone-else'],
      parties: [OTHER_ORG],
    },
  },
  'case.connect': {
    own: { regionId: REGION, organisationId: ORG, caseTeam: ['ROLE_USER'], parties: [ORG] },
    other: {
      regionId: OTHER_REGION,
      organisationId: OTHER_ORG,
      caseTeam: ['someone-else'],
      parties: [OTHER_ORG],
    },
  },
  'case.care.read': {
    own: { regionId: REGION, organisationId: ORG, caseTeam: ['ROLE_USER'], parties: [ORG] },
    other: {
      regionId: OTHER_REGION,
      organisationId: OTHER_ORG,
      caseTeam: ['someone-else'],
      parties: [OTHER_ORG],
    },
  },
  'case.care.write': {
    own: { regionId: REGION, organisationId: ORG, caseTeam: ['ROLE_USER'], parties: [ORG] },
    other: {
      regionId: OTHER_REGION,
      organisationId: OTHER_ORG,
      caseTeam: ['someone-else'],
      parties: [OTHER_ORG],
    },
  },
  'case.meeting.write': {
    own: { regionId: REGION, organisationId: ORG, caseTeam: ['ROLE_USER'], parties: [ORG] },
    other: {
      regionId: OTHER_REGION,
      organisationId: OTHER_ORG,
      caseTeam: ['someone-else'],
      parties: [OTHER_ORG],
    },
  },
  'alarm.read': { own: { regionId: REGION }, other: { regionId: OTHER_REGION } },
  'alarm.claim': { own: { regionId: REGION }, other: { regionId: OTHER_REGION } },
  'alarm.forward': { own: { regionId: REGION }, other: { regionId: OTHER_REGION } },
  'alarm.dispatch': { own: { regionId: REGION }, other: { regionId: OTHER_REGION } },
  'alarm.on_scene': { own: { regionId: REGION }, other: { regionId: OTHER_REGION } },
  'alarm.resolve': { own: { regionId: REGION }, other: { regionId: OTHER_REGION } },
  'alarm.evidence': { own: { regionId: REGION }, other: { regionId: OTHER_REGION } },
  'alarm.handle': { own: { regionId: REGION }, other: { regionId: OTHER_REGION } },
  'actionplan.read': { own: { regionId: REGION }, other: { regionId: OTHER_REGION } },
  'actionplan.manage': { own: { regionId: REGION }, other: { regionId: OTHER_REGION } },
  'grading.read': { own: { regionId: REGION }, other: { regionId: OTHER_REGION } },
  'grading.manage': { own: { regionId: REGION }, other: { regionId: OTHER_REGION } },
  'figures.read': { own: { regionId: REGION }, other: { regionId: OTHER_REGION } },
  'mail.manage': { own: {}, other: {} },
};

// The expected matrix, written out by hand: Y = allowed on own and other, O = own only, - = never.
// Columns follow the Action order of `records` above.
const ACTIONS = Object.keys(records) as Action[];
const MATRIX: { [R in Role]: string } = {
  // reg.r reg.m org.r org.m usr.r usr.m tok aud dev.r dev.m c.lst c.r c.w c.new c.dec conn care.r care.w meet
  // al.r claim fwd disp scene res evid handle plan.r plan.m grad.r grad.m fig mail
  admin: 'Y Y Y Y Y Y Y Y Y Y - - - - - - - - - - - - - - - - - Y Y - Y - Y',
  operator: 'O - O - - - - - O - - - - - - - - - - O O O - - O O O O - O - - -',
  police: 'O - O - - - - - - - Y O O O O - - - O O - - - - - O - - - - - - -',
  police_control: 'O - O - - - - - - - - - - - - - - - - O - - O O O - - - - - - - -',
  vt: 'O - O - - - - - - - Y O O O O - O - O - - - - - - - - - - - - - -',
  caseworker: 'O - O - - - - - O - Y O O O - O O O O - - - - - - - - - - - - - -',
  coordinator: 'O - O - O - - - O O Y O O O O O O O O - - - - - - - - O O O O O -',
  process_director: 'O - O - - - - - - - Y O - O - - - - O - - - - - - - - - - - - - -',
  committee: 'O - O - - - - - - - Y O - - O - - - - - - - - - - - - - - - - - -',
  funder: 'O - O - - - - - - - - - - - - - - - - - - - - - - - - - - - - O -',
};

describe('access matrix: every role × every action × own/other record', () => {
  for (const role of ROLES) {
    const expected = MATRIX[role].split(/\s+/);
    it(`${role} has one expectation per action`, () => expect(expected).toHaveLength(ACTIONS.length));
    ACTIONS.forEach((action, i) => {
      const cell = expected[i];
      for (const which of ['own', 'other'] as Record[]) {
        const allowed = cell === 'Y' || (cell === 'O' && which === 'own');
        it(`${role} ${allowed ? 'may' : 'may not'} ${action} on ${which} record`, () => {
          const a = actor(role);
          const resource = JSON.parse(JSON.stringify(records[action][which]).replace('ROLE_USER', a.id!));
          expect(decide(a, action, resource).allowed).toBe(allowed);
        });
      }
    });
  }
});

describe('deny by default', () => {
  it('an actor without roles may do nothing', () => {
    const nobody: Actor = { kind: 'user', id: 'u', label: 'nobody', grants: [] };
    for (const action of ACTIONS) expect(decide(nobody, action).allowed).toBe(false);
  });

  it('administrators do not read case content', () => {
    expect(decide(actor('admin'), 'case.read', { regionId: REGION, caseTeam: [] }).allowed).toBe(false);
  });

  it('a caseworker sees only cases whose team they are on, even in their own organisation', () => {
    const cw = actor('caseworker');
    expect(
      decide(cw, 'case.read', { regionId: REGION, organisationId: ORG, caseTeam: ['other-user'] }).allowed,
    ).toBe(false);
    expect(caseVisibility(cw)).toEqual({
      all: false,
      regionIds: [],
      organisationIds: [],
      teamOf: cw.id,
      partyOrganisationIds: [],
    });
  });

  it('police and Veilig Thuis see a case of their region only when their organisation takes part in it', () => {
    for (const role of ['police', 'vt'] as const) {
      const a = actor(role);
      expect(
        decide(a, 'case.read', { regionId: REGION, organisationId: OTHER_ORG, parties: [OTHER_ORG] }).allowed,
      ).toBe(false);
      expect(
        decide(a, 'case.read', { regionId: REGION, organisationId: OTHER_ORG, parties: [ORG] }).allowed,
      ).toBe(true);
      expect(decide(a, 'case.read', { regionId: OTHER_REGION, parties: [ORG] }).allowed).toBe(false);
    }
  });

  it('the police never read the care records (conversations, safety plan) of a case they take part in', () => {
    expect(decide(actor('police'), 'case.care.read', { regionId: REGION, parties: [ORG] }).allowed).toBe(
      false,
    );
  });
});
