import type { Platform } from '../platform.ts';

/**
 * A control-room officer who is not also an investigator (the demo's police user holds both roles), signed in
 * as `meldkamer` with the demo password and TOTP secret.
 */
export async function addControlRoomOnlyUser(p: Pick<Platform, 'db'>): Promise<string> {
  await p.db.query(
    `insert into users (email, display_name, password_hash, totp_secret_sealed, totp_enrolled)
     select 'meldkamer@demo.aware.test', 'Mees Meldkamer', password_hash, totp_secret_sealed, true
     from users where email = 'police@demo.aware.test'`,
  );
  await p.db.query(
    `insert into memberships (user_id, organisation_id, role)
     select (select id from users where email = 'meldkamer@demo.aware.test'), organisation_id, 'police_control'
     from memberships m join users u on u.id = m.user_id where u.email = 'police@demo.aware.test' limit 1`,
  );
  return 'meldkamer';
}

/** A police investigator who is not also in the control room, signed in as `recherche`. */
export async function addInvestigatorOnlyUser(p: Pick<Platform, 'db'>): Promise<string> {
  await p.db.query(
    `insert into users (email, display_name, password_hash, totp_secret_sealed, totp_enrolled)
     select 'recherche@demo.aware.test', 'Rik Recherche', password_hash, totp_secret_sealed, true
     from users where email = 'police@demo.aware.test'`,
  );
  await p.db.query(
    `insert into memberships (user_id, organisation_id, role)
     select (select id from users where email = 'recherche@demo.aware.test'), organisation_id, 'police'
     from memberships m join users u on u.id = m.user_id where u.email = 'police@demo.aware.test' limit 1`,
  );
  return 'recherche';
}
