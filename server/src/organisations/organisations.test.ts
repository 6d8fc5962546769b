import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../testing/databases.ts';
import { signIn, startTestPlatform, type TestPlatform } from '../testing/platform.ts';

describeEachEngine('regions, organisations and people', (engine) => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform(engine);
  });
  afterAll(() => p.close());

  it('an administrator creates a region, an organisation with contacts, and a professional with a one-time password', async () => {
    const admin = await signIn(p, 'admin');
    const region = await admin('/api/v1/regions', {
      method: 'POST',
      body: JSON.stringify({ name: 'Regio Noord', acuteUnsafetyEnabled: false }),
    });
    expect(region.status).toBe(201);
    const { id: regionId } = await region.json();
    const org = await admin('/api/v1/organisations', {
      method: 'POST',
      body: JSON.stringify({
        regionId,
        name: 'Veilig Thuis Noord',
        type: 'veilig_thuis',
        contacts: [{ name: 'Frontoffice', role: 'Frontoffice', phone: '+31 50 555 0000', email: null }],
      }),
    });
    expect(org.status).toBe(201);
    const { id: organisationId } = await org.json();
    const user = await admin('/api/v1/users', {
      method: 'POST',
      body: JSON.stringify({
        email: 'nieuw@noord.test',
        displayName: 'Nieuwe Collega',
        memberships: [{ organisationId, role: 'vt' }],
      }),
    });
    expect(user.status).toBe(201);
    expect((await user.json()).oneTimePassword).toMatch(/^\S{20}$/);
    const orgs = await (await admin('/api/v1/organisations')).json();
    expect(orgs.find((o: { id: string }) => o.id === organisationId).contacts).toHaveLength(1);
  });

  it('refuses an unknown organisation type and a duplicate e-mail, naming the field', async () => {
    const admin = await signIn(p, 'admin');
    const regions = await (await admin('/api/v1/regions')).json();
    const badType = await admin('/api/v1/organisations', {
      method: 'POST',
      body: JSON.stringify({ regionId: regions[0].id, name: 'X', type: 'bakery', contacts: [] }),
    });
    expect(badType.status).toBe(400);
    expect((await badType.json()).errors.map((e: { field: string }) => e.field)).toContain('type');
    const orgs = await (await admin('/api/v1/organisations')).json();
    const duplicate = await admin('/api/v1/users', {
      method: 'POST',
      body: JSON.stringify({
        email: 'VT@demo.aware.test',
        displayName: 'Dubbel',
        memberships: [{ organisationId: orgs[0].id, role: 'vt' }],
      }),
    });
    expect(duplicate.status).toBe(409);
    expect((await duplicate.json()).errors[0].field).toBe('email');
  });

  it('only administrators manage people; a coordinator sees the people of her own organisation', async () => {
    const coordinator = await signIn(p, 'coordinator');
    const create = await coordinator('/api/v1/regions', {
      method: 'POST',
      body: JSON.stringify({ name: 'Zuid' }),
    });
    expect(create.status).toBe(403);
    const people = await (await coordinator('/api/v1/users')).json();
    const emails = people.map((u: { email: string }) => u.email);
    expect(emails).toContain('caseworker@demo.aware.test');
    expect(emails).not.toContain('operator@demo.aware.test');
  });
});
