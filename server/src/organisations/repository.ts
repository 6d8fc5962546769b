import type { OrganisationType, Role } from '../access/index.ts';
import type { Queryable } from '../db/index.ts';

export interface RegionView {
  id: string;
  name: string;
  acuteUnsafetyEnabled: boolean;
}

export interface ContactView {
  name: string;
  role: string;
  phone: string | null;
  email: string | null;
}

export interface OrganisationView {
  id: string;
  name: string;
  type: OrganisationType;
  regionId: string;
  regionName: string;
  contacts: ContactView[];
}

export async function listRegions(db: Queryable, regionIds: string[] | null): Promise<RegionView[]> {
  const r = await db.query<RegionView>(
    `select id, name, acute_unsafety_enabled as "acuteUnsafetyEnabled" from regions
     where $1::uuid[] is null or id = any($1::uuid[]) order by name`,
    [regionIds],
  );
  return r.rows;
}

export async function listOrganisations(
  db: Queryable,
  regionIds: string[] | null,
): Promise<OrganisationView[]> {
  const r = await db.query<OrganisationView>(
    `select o.id, o.name, o.type, o.region_id as "regionId", g.name as "regionName",
       coalesce((select json_agg(json_build_object('name', c.name, 'role', c.role, 'phone', c.phone, 'email', c.email)
                 order by c.name) from organisation_contacts c where c.organisation_id = o.id), '[]'::json) as contacts
     from organisations o join regions g on g.id = o.region_id
     where $1::uuid[] is null or o.region_id = any($1::uuid[])
     order by g.name, o.name`,
    [regionIds],
  );
  return r.rows.map((o) => ({
    ...o,
    contacts: typeof o.contacts === 'string' ? JSON.parse(o.contacts) : o.contacts,
  }));
}

export async function findOrganisation(db: Queryable, id: string) {
  const r = await db.query<{ id: string; regionId: string; type: string; name: string }>(
    'select id, region_id as "regionId", type, name from organisations where id = $1',
    [id],
  );
  return r.rows[0] ?? null;
}

export async function insertRegion(
  db: Queryable,
  name: string,
  acuteUnsafetyEnabled: boolean,
): Promise<string> {
  const r = await db.query<{ id: string }>(
    'insert into regions (name, acute_unsafety_enabled) values ($1, $2) returning id',
    [name, acuteUnsafetyEnabled],
  );
  return r.rows[0]!.id;
}

export async function insertOrganisation(
  db: Queryable,
  o: { regionId: string; name: string; type: string },
): Promise<string> {
  const r = await db.query<{ id: string }>(
    'insert into organisations (region_id, name, type) values ($1, $2, $3) returning id',
    [o.regionId, o.name, o.type],
  );
  return r.rows[0]!.id;
}

export async function insertContact(db: Queryable, organisationId: string, c: ContactView) {
  await db.query(
    'insert into organisation_contacts (organisation_id, name, role, phone, email) values ($1, $2, $3, $4, $5)',
    [organisationId, c.name, c.role, c.phone, c.email],
  );
}

export interface UserListItem {
  id: string;
  email: string;
  displayName: string;
  disabled: boolean;
  lastLoginAt: Date | null;
  roles: { role: Role; organisationId: string; organisationName: string }[];
}

export async function listUsers(db: Queryable, organisationIds: string[] | null): Promise<UserListItem[]> {
  const r = await db.query<UserListItem>(
    `select u.id, u.email, u.display_name as "displayName", u.disabled, u.last_login_at as "lastLoginAt",
       coalesce(json_agg(json_build_object('role', m.role, 'organisationId', m.organisation_id, 'organisationName', o.name))
         filter (where m.role is not null), '[]'::json) as roles
     from users u left join memberships m on m.user_id = u.id left join organisations o on o.id = m.organisation_id
     where $1::uuid[] is null or exists (select 1 from memberships m2 where m2.user_id = u.id and m2.organisation_id = any($1::uuid[]))
     group by u.id order by u.display_name`,
    [organisationIds],
  );
  return r.rows.map((u) => ({ ...u, roles: typeof u.roles === 'string' ? JSON.parse(u.roles) : u.roles }));
}
