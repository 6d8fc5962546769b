import { decide, requireAccess } from '../access/index.ts';
import { findAlarm } from '../alarms/repository.ts';
import { seesAlarm } from '../alarms/view.ts';
import type { AuditSigningKey } from '../audit/checkpoint.ts';
import { audit } from '../audit/index.ts';
import type { RequestContext } from '../context.ts';
import type { SecretBox } from '../crypto/sealed.ts';
import type { Database } from '../db/index.ts';
import { DomainError, forbidden, notFound } from '../errors.ts';
import { pdfFileName, sealBundle, sha256Hex } from './bundle.ts';
import type { EvidenceContent, Person } from './content.ts';
import { gatherLifecycle, type Lifecycle } from './gather.ts';
import { renderEvidencePdf } from './pdf.ts';
import { proveEntries, waitUntilCovered } from './proofs.ts';
import { displayNameOf } from './repository.ts';

export interface EvidenceExport {
  alarmId: string;
  /** the bundle file: exactly these bytes are signed and verified */
  bundle: Buffer;
  pdf: Uint8Array;
  content: EvidenceContent;
}

export interface EvidenceOptions {
  /** the audit signing key signs bundles too (with a prefix of their own): one public key checks both */
  signer: () => AuditSigningKey;
  /** how long an export waits for the sequencer to seal the alarm's newest audit entries */
  coverageTimeoutMs?: number;
  /** runs a sequencer pass while waiting (the CLI on an embedded database, where no server runs) */
  integrate?: () => Promise<unknown>;
}

const personOf = (ctx: RequestContext, name: string | null): Person =>
  ctx.actor.kind === 'user'
    ? { kind: 'person', label: ctx.actor.label, name }
    : { kind: 'system', label: ctx.actor.label, name: null };

export function createEvidenceService(db: Database, secrets: SecretBox, options: EvidenceOptions) {
  /**
   * One alarm's whole lifecycle as a signed bundle. The export is audited first (and committed), so the
   * bundle proves its own export too: it waits until the sequencer has sealed that entry under a checkpoint.
   */
  async function exportAlarm(ctx: RequestContext, alarmId: string): Promise<EvidenceExport> {
    // a role that never exports evidence is told so before any look-up (403 whether or not the alarm exists);
    // whom the alarm is hidden from learns nothing (404)
    requireAccess(ctx.actor, 'alarm.evidence');
    const alarm = await findAlarm(db, alarmId);
    if (!alarm) throw notFound('alarm');
    requireAccess(ctx.actor, 'alarm.read', { regionId: alarm.regionId }, true);
    if (!seesAlarm(ctx.actor, alarm)) throw notFound('alarm');
    if (!decide(ctx.actor, 'alarm.evidence', { regionId: alarm.regionId }).allowed) {
      throw forbidden('your role may not export evidence of this alarm', 'forbidden');
    }
    return build(ctx, alarmId);
  }

  /**
   * The same export by whoever runs `npm run evidence` on a server: they hold the database and the keys
   * already, so no role is asked; the export is audited under their label all the same.
   */
  async function exportAlarmOnServer(ctx: RequestContext, alarmId: string): Promise<EvidenceExport> {
    if (!(await findAlarm(db, alarmId))) throw notFound('alarm');
    return build(ctx, alarmId);
  }

  async function build(ctx: RequestContext, alarmId: string): Promise<EvidenceExport> {
    await db.transaction((tx) =>
      audit(tx, ctx, {
        action: 'alarm.evidence.export',
        access: 'read',
        recordType: 'alarm',
        recordId: alarmId,
      }),
    );
    const exportedBy = personOf(ctx, ctx.actor.id ? await displayNameOf(db, ctx.actor.id) : null);
    const exportedAt = new Date();
    // a step taken meanwhile adds an entry: read again until every entry read is sealed
    let settled: Lifecycle | null = null;
    for (let attempt = 0; attempt < 3 && !settled; attempt++) {
      const lifecycle = await gatherLifecycle(db, secrets, alarmId, exportedBy, exportedAt);
      if (!lifecycle) throw notFound('alarm');
      if (lifecycle.auditEntries.every((e) => e.leafIndex !== null)) {
        if (
          await waitUntilCovered(
            db,
            lifecycle.auditEntries.map((e) => e.seq),
            { timeoutMs: 0 },
          )
        ) {
          settled = lifecycle;
          break;
        }
      }
      await waitUntilCovered(
        db,
        lifecycle.auditEntries.map((e) => e.seq),
        {
          timeoutMs: options.coverageTimeoutMs ?? 10_000,
          ...(options.integrate ? { integrate: options.integrate } : {}),
        },
      );
    }
    if (!settled) {
      throw new DomainError(
        503,
        'Service Unavailable',
        'the audit log has not yet sealed this alarm’s newest entries under a signed checkpoint; try again shortly',
        [],
        { code: 'evidence.auditPending' },
      );
    }
    const { caseId: _c, regionId: _r, auditEntries, ...rest } = settled;
    const withoutPdf = { ...rest, audit: await proveEntries(db, auditEntries) };
    const pdf = await renderEvidencePdf(withoutPdf);
    const content: EvidenceContent = {
      ...withoutPdf,
      pdf: { fileName: pdfFileName(alarmId), sha256: sha256Hex(pdf), bytes: pdf.length },
    };
    const bundle = sealBundle(content, pdf, options.signer());
    return { alarmId, bundle, pdf, content };
  }

  return { exportAlarm, exportAlarmOnServer };
}

export type EvidenceService = ReturnType<typeof createEvidenceService>;
