// The referral form's values and the request body they become (POST /api/v1/cases), with the rules the
// server's schema cannot say: pure functions, tested in referral.test.ts.
import type { Resolver } from 'react-hook-form';
import type { Body } from '../api/contract.ts';
import { bodyResolver } from '../ui/form/body-resolver.ts';
import { withRules } from '../ui/form/with-rules.ts';
import { optionalText } from './body-text.ts';

/** A referral form as it opens. */
export const EMPTY_REFERRAL = {
  executingOrganisationId: '',
  targetGroup: 'stalking' as TargetGroup,
  referrerKind: 'veilig_thuis' as ReferralBody['referrerKind'],
  channel: 'phone' as ReferralBody['channel'],
  summary: '',
  clientName: '',
  clientPhone: '',
  clientAddress: '',
  clientLanguage: 'nl',
  children: '',
  perpetratorName: '',
  description: '',
  vehicle: '',
  registration: '',
  weapons: '',
  contactBan: '',
  areaBan: '',
};
export type ReferralForm = typeof EMPTY_REFERRAL;
export type ReferralBody = Body<'/api/v1/cases', 'post'>;
type TargetGroup = ReferralBody['targetGroup'];

/** "Lotte 2016" per line → children. */
export function parseChildren(text: string): { firstName: string; birthYear?: number }[] | null {
  const out: { firstName: string; birthYear?: number }[] = [];
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const m = /^(.+?)(?:[ ,]+(\d{4}))?$/.exec(line);
    if (!m) return null;
    out.push({ firstName: m[1]!.trim(), ...(m[2] ? { birthYear: Number(m[2]) } : {}) });
  }
  return out;
}

/** The referral's request body: lines become children, bans only where written, empty text left out. */
export function referralBody(f: ReferralForm): ReferralBody {
  return {
    ...(f.executingOrganisationId ? { executingOrganisationId: f.executingOrganisationId } : {}),
    targetGroup: f.targetGroup,
    referrerKind: f.referrerKind,
    channel: f.channel,
    ...optionalText('summary', f.summary),
    client: {
      name: f.clientName.trim(),
      language: f.clientLanguage,
      ...optionalText('phone', f.clientPhone),
      ...optionalText('address', f.clientAddress),
    },
    children: parseChildren(f.children) ?? [],
    perpetrator: {
      name: f.perpetratorName.trim(),
      ...optionalText('description', f.description),
      ...optionalText('vehicle', f.vehicle),
      ...optionalText('registration', f.registration),
      ...optionalText('weapons', f.weapons),
    },
    bans: [
      ...(f.contactBan.trim() ? [{ kind: 'contact' as const, description: f.contactBan.trim() }] : []),
      ...(f.areaBan.trim() ? [{ kind: 'area' as const, description: f.areaBan.trim() }] : []),
    ],
  };
}

/** The form field that shows an error of a body property, for this form's values. */
export function referralFieldOf(f: ReferralForm): Record<string, string> {
  const kids = parseChildren(f.children) ?? [];
  const bans = [f.contactBan.trim() ? 'contactBan' : null, f.areaBan.trim() ? 'areaBan' : null].filter(
    (b): b is string => b !== null,
  );
  return {
    'client.name': 'clientName',
    'client.phone': 'clientPhone',
    'client.address': 'clientAddress',
    'client.language': 'clientLanguage',
    'perpetrator.name': 'perpetratorName',
    'perpetrator.description': 'description',
    'perpetrator.vehicle': 'vehicle',
    'perpetrator.registration': 'registration',
    'perpetrator.weapons': 'weapons',
    ...Object.fromEntries(
      kids.flatMap((_, i) => [
        [`children.${i}.firstName`, 'children'],
        [`children.${i}.birthYear`, 'children'],
      ]),
    ),
    ...Object.fromEntries(bans.map((field, i) => [`bans.${i}.description`, field])),
  };
}

/** What the schema cannot say, or says less helpfully here: the shelter, the phone, language and children. */
export function validateReferral(f: ReferralForm, t: (k: string) => string): Record<string, string> {
  const e: Record<string, string> = {};
  if (!f.executingOrganisationId) e.executingOrganisationId = t('work.executingRequired');
  if (f.clientPhone && !/^[+0-9 ()-]{6,40}$/.test(f.clientPhone.trim()))
    e.clientPhone = t('case.referral.errors.phone');
  if (!/^[a-z]{2}$/.test(f.clientLanguage)) e.clientLanguage = t('case.referral.errors.language');
  const kids = parseChildren(f.children);
  if (
    !kids ||
    kids.some(
      (k) => k.birthYear !== undefined && (k.birthYear < 1990 || k.birthYear > new Date().getFullYear()),
    )
  )
    e.children = t('case.referral.errors.children');
  return e;
}

/** The server's check of the body, its errors at the form's fields, after the form's own rules. */
export function referralResolver(t: (k: string) => string): Resolver<ReferralForm> {
  return (values, context, options) =>
    withRules(
      bodyResolver<ReferralForm>('POST /api/v1/cases', {
        toBody: referralBody,
        fieldOf: referralFieldOf(values),
      }),
      (f) => validateReferral(f, t),
    )(values, context, options);
}
