import { ALL_ROLES, type Me, type Role } from '../api/contract.ts';

/** The user's distinct roles, most operational first (that order decides the default home page). */
export function distinctRoles(user: Pick<Me, 'roles'>): Role[] {
  const mine = new Set(user.roles.map((r) => r.role));
  return ALL_ROLES.filter((r) => mine.has(r));
}

export function hasAnyRole(user: Pick<Me, 'roles'>, roles: readonly Role[]): boolean {
  return user.roles.some((r) => roles.includes(r.role));
}

export type SectionKey = 'home' | 'organisations' | 'users' | 'devices' | 'figures' | 'mail';

export interface Section {
  key: SectionKey;
  path: string;
  /** null = every signed-in user */
  roles: readonly Role[] | null;
}

export const SECTIONS: readonly Section[] = [
  { key: 'home', path: '/', roles: null },
  { key: 'organisations', path: '/admin/organisations', roles: ['admin'] },
  { key: 'users', path: '/admin/users', roles: ['admin'] },
  { key: 'devices', path: '/devices', roles: ['admin', 'coordinator'] },
  { key: 'figures', path: '/figures', roles: ['coordinator', 'funder'] },
  { key: 'mail', path: '/admin/mail', roles: ['admin'] },
];

export function sectionsFor(user: Pick<Me, 'roles'>): Section[] {
  return SECTIONS.filter((s) => s.roles === null || hasAnyRole(user, s.roles));
}

export function mayUse(user: Pick<Me, 'roles'>, key: SectionKey): boolean {
  const s = SECTIONS.find((x) => x.key === key);
  return !!s && (s.roles === null || hasAnyRole(user, s.roles));
}
