import { type Action, decide, requireAccess } from '../access/index.ts';
import { OUTCOME_LABELS_NL, tasksDue } from '../aftercare/rules.ts';
import { audit } from '../audit/index.ts';
import { recordTestAlarmPassed } from '../cases/repository.ts';
import { recordOnTimeline } from '../cases/timeline.ts';
import { logAlarmIncident } from '../casework/incident-log/repository.ts';
import type { RequestContext } from '../context.ts';
import type { SecretBox } from '../crypto/sealed.ts';
import type { Database, Queryable } from '../db/index.ts';
import { conflict, DomainError, forbidden, notFound } from '../errors.ts';
import { notify, notifyRegionRoles } from '../inbox/notification-repository.ts';
import { addAlarmTask } from '../inbox/task-repository.ts';
import { enqueueMail, enqueueMailTo } from '../notify/outbox-repository.ts';
import type { Bus, BusMessage } from '../realtime/bus.ts';
import {
  afterCareContact,
  alarmCentreContactEmails,
  insertAlarmIncident,
  touchAlarmStep,
} from './handling-repository.ts';
import { type LinkedInfo, loadLinkedInfo } from './linked-info.ts';
import * as repo from './repository.ts';
import {
  type AlarmAction,
  chainTimes,
  escalationLevel,
  needsAfterCare,
  type Outcome,
  responseTimes,
  transition,
} from './state-machine.ts';
import { ESCALATION_NOTE, timelineMessage } from './timeline-text.ts';
import { seesAlarm, toAlarmView } from './view.ts';

const ACCESS: Record<AlarmAction, Action> = {
  claim: 'alarm.claim',
  forward: 'alarm.forward',
  on_scene: 'alarm.on_scene',
  resolve: 'alarm.resolve',
};

const SYSTEM: RequestContext = {
  actor: { kind: 'system', id: null, label: 'escalation', grants: [] },
  ip: null,
};

export interface HandlingOptions {
  escalateUnclaimedSeconds: number;
  escalateStalledSeconds: number;
  publicUrl: string;
}

/**
 * A human owns every alarm: claim → forward → on scene → resolved with an outcome. Each step is one
 * transaction (conditional update, timeline entry, audit entry); a step someone else took first is 409.
 */
export function createAlarmHandling(
  db: Database,
  deps: { bus: Bus; secrets: SecretBox },
  options: HandlingOptions,
) {
  async function afterCare(
    tx: Queryable,
    alarm: repo.AlarmFactsRow,
    outcome: Outcome,
    note: string | undefined,
  ) {
    if (!alarm.caseId) return;
    const now = new Date();
    const incidentId = await insertAlarmIncident(tx, {
      caseId: alarm.caseId,
      alarmId: alarm.id,
      occurredAt: alarm.receivedAt,
      outcome,
      summary: `Noodmelding afgehandeld: ${OUTCOME_LABELS_NL[outcome] ?? outcome}${note ? ` — ${note}` : ''}`,
    });
    if (incidentId === null) return;
    // the same incident in the case's one incident log, beside the caseworker's and the client's
    await logAlarmIncident(tx, {
      caseId: alarm.caseId,
      alarmId: alarm.id,
      receivedAt: alarm.receivedAt,
      whatHappened: `Noodmelding afgehandeld: ${OUTCOME_LABELS_NL[outcome] ?? outcome}${note ? ` — ${note}` : ''}`,
    });
    await recordOnTimeline(tx, {
      caseId: alarm.caseId,
      kind: 'incident',
      summary: `Incident vastgelegd na melding: ${OUTCOME_LABELS_NL[outcome] ?? outcome}`,
      message: { code: 'incidentFromAlarm', params: { alarmOutcome: outcome } },
      actorLabel: 'nazorg',
      refType: 'incident',
      refId: incidentId,
    });
    const c = await afterCareContact(tx, alarm.caseId);
    for (const task of tasksDue(now)) {
      await addAlarmTask(tx, {
        caseId: alarm.caseId,
        alarmId: alarm.id,
        kind: task.kind,
        assigneeId: c.caseworkerId,
        dueAt: task.dueAt,
      });
    }
    if (c.caseworkerId) {
      await notify(tx, {
        userId: c.caseworkerId,
        kind: 'alarm.resolved',
        caseId: alarm.caseId,
        alarmId: alarm.id,
      });
    }
    if (c.email) {
      await enqueueMail(tx, {
        kind: 'alarm.aftercare',
        to: c.email,
        subject: `Aware: nazorg na melding — traject ${c.reference}`,
        text: afterCareText(c.reference, outcome),
      });
    }
  }

  function afterCareText(reference: string, outcome: string) {
    return [
      `Er is een noodmelding afgehandeld bij traject ${reference}.`,
      `Uitkomst: ${OUTCOME_LABELS_NL[outcome] ?? outcome}.`,
      '',
      'Voor u staan vier nazorgtaken klaar: emotionele nazorg (binnen 24 uur), het incident evalueren met de cliënt,',
      'ondersteunen bij aangifte, en het veiligheidsplan herzien.',
      '',
      `Open Aware om de details te zien: ${options.publicUrl}/`,
      '',
      'Dit bericht bevat bewust geen persoonsgegevens.',
    ].join('\n');
  }

  async function step(
    ctx: RequestContext,
    alarmId: string,
    action: AlarmAction,
    input: { outcome?: string; note?: string } = {},
  ) {
    const facts = await repo.findAlarmFacts(db, alarmId);
    if (!facts) throw notFound('alarm');
    requireAccess(ctx.actor, 'alarm.read', { regionId: facts.regionId }, true);
    requireAccess(ctx.actor, ACCESS[action], { regionId: facts.regionId });
    // the police act only on what was handed to them
    if (!decide(ctx.actor, 'alarm.claim', { regionId: facts.regionId }).allowed) {
      const alarm = await repo.findAlarm(db, alarmId);
      if (!alarm || !seesAlarm(ctx.actor, alarm)) throw notFound('alarm');
    }
    const decision = transition(facts, action, { actorId: ctx.actor.id ?? '', ...input });
    if (!decision.ok) {
      throw new DomainError(
        decision.status,
        decision.status === 409 ? 'Conflict' : 'Invalid request',
        decision.field ? `${decision.field} ${decision.reason}` : decision.reason,
        decision.field ? [{ field: decision.field, message: decision.reason, code: decision.code }] : [],
        { code: decision.code },
      );
    }
    // the repeated presses folded into this alarm, moved along in the same transaction
    const moved: { alarmId: string; eventId: number }[] = [];
    const eventId = await db.transaction(async (tx) => {
      moved.length = 0;
      const applied = await repo.applyStep(tx, {
        id: alarmId,
        from: facts.state,
        to: decision.to,
        ...(action === 'claim' && ctx.actor.id ? { claimedBy: ctx.actor.id } : {}),
        ...(action === 'resolve' ? { outcome: input.outcome, note: input.note } : {}),
      });
      if (!applied)
        throw conflict('someone else changed this alarm first; reload it', 'alarm.changedMeanwhile');
      const id = await repo.insertAlarmEvent(tx, {
        alarmId,
        actorId: ctx.actor.id,
        actorLabel: ctx.actor.label,
        from: facts.state,
        to: decision.to,
        ...(input.note ? { note: input.note } : {}),
      });
      const repeats = await repo.moveRepeats(tx, alarmId, {
        to: decision.to,
        ...(action === 'resolve' ? { outcome: input.outcome } : {}),
      });
      for (const repeat of repeats) {
        moved.push({
          alarmId: repeat.id,
          eventId: await repo.insertAlarmEvent(tx, {
            alarmId: repeat.id,
            actorId: ctx.actor.id,
            actorLabel: ctx.actor.label,
            from: repeat.from,
            to: decision.to,
          }),
        });
      }
      await audit(tx, ctx, {
        action: `alarm.${action}`,
        access: 'write',
        recordType: 'alarm',
        recordId: alarmId,
        details: {
          from: facts.state,
          to: decision.to,
          ...(input.outcome ? { outcome: input.outcome } : {}),
          ...(repeats.length > 0 ? { repeats: repeats.map((r) => r.id) } : {}),
        },
      });
      if (action === 'resolve') {
        const outcome = input.outcome as Outcome;
        if (needsAfterCare(facts, outcome)) await afterCare(tx, facts, outcome, input.note);
        if (facts.caseId) {
          const test = facts.isTest && outcome === 'test';
          await recordOnTimeline(tx, {
            caseId: facts.caseId,
            kind: test ? 'test_alarm' : 'alarm',
            summary: test
              ? 'Testmelding geslaagd'
              : `Melding afgehandeld: ${OUTCOME_LABELS_NL[outcome] ?? outcome}`,
            message: test
              ? { code: 'testAlarmPassed' }
              : { code: 'alarmResolved', params: { alarmOutcome: outcome } },
            actorLabel: ctx.actor.label,
            refType: 'alarm',
            refId: alarmId,
          });
        }
        if (facts.isTest && outcome === 'test' && facts.caseId) {
          await recordTestAlarmPassed(tx, facts.caseId);
        }
      }
      return id;
    });
    for (const repeat of moved) deps.bus.publish({ type: 'alarm', regionId: facts.regionId, ...repeat });
    deps.bus.publish({ type: 'alarm', alarmId, regionId: facts.regionId, eventId });
    return toAlarmView(deps.secrets, (await repo.findAlarm(db, alarmId))!);
  }

  /** Police record a unit dispatched: a timeline entry, no change of state. */
  async function dispatch(ctx: RequestContext, alarmId: string, note: string) {
    const facts = await repo.findAlarmFacts(db, alarmId);
    if (!facts) throw notFound('alarm');
    requireAccess(ctx.actor, 'alarm.dispatch', { regionId: facts.regionId }, true);
    if (facts.state !== 'forwarded' && facts.state !== 'on_scene') {
      throw conflict('only a forwarded alarm can get a unit dispatched', 'alarm.notForwarded');
    }
    const eventId = await db.transaction(async (tx) => {
      const id = await repo.insertAlarmEvent(tx, {
        alarmId,
        actorId: ctx.actor.id,
        actorLabel: ctx.actor.label,
        from: facts.state,
        to: facts.state,
        note,
        kind: 'dispatch',
      });
      await touchAlarmStep(tx, alarmId);
      await audit(tx, ctx, {
        action: 'alarm.dispatch',
        access: 'write',
        recordType: 'alarm',
        recordId: alarmId,
      });
      return id;
    });
    deps.bus.publish({ type: 'alarm', alarmId, regionId: facts.regionId, eventId });
    return toAlarmView(deps.secrets, (await repo.findAlarm(db, alarmId))!);
  }

  async function detail(ctx: RequestContext, alarmId: string) {
    const alarm = await repo.findAlarm(db, alarmId);
    if (!alarm) throw notFound('alarm');
    requireAccess(ctx.actor, 'alarm.read', { regionId: alarm.regionId }, true);
    if (!seesAlarm(ctx.actor, alarm)) throw notFound('alarm');
    const timeline = await repo.alarmTimeline(db, alarmId);
    return {
      ...toAlarmView(deps.secrets, alarm),
      timeline: timeline.map((row) => {
        const { message, note } = timelineMessage(row);
        // what kind of entry it is and its plan step are said by the message code
        const { kind, planAction, planSource, planDone, planInstruction, ...entry } = row;
        return {
          ...entry,
          note,
          ...(message ? { messageCode: message.code, messageParams: message.params ?? {} } : {}),
        };
      }),
      responseSeconds: {
        ...responseTimes(alarm.receivedAt, timeline),
        ...chainTimes(alarm.receivedAt, timeline),
      },
      // the alarm's detail offers the evidence export to whom may make it
      mayExportEvidence: decide(ctx.actor, 'alarm.evidence', { regionId: alarm.regionId }).allowed,
    };
  }

  /**
   * Need to know: the victim's details only for the person handling an open alarm of that case —
   * the operator who claimed it, or the police control room once it is forwarded. Audited with the
   * alarm as the reason.
   */
  async function linkedInfo(ctx: RequestContext, alarmId: string): Promise<LinkedInfo> {
    const facts = await repo.findAlarmFacts(db, alarmId);
    if (!facts) throw notFound('alarm');
    requireAccess(ctx.actor, 'alarm.read', { regionId: facts.regionId }, true);
    const region = { regionId: facts.regionId };
    const operatorHandling =
      decide(ctx.actor, 'alarm.claim', region).allowed &&
      facts.claimedBy === ctx.actor.id &&
      facts.state !== 'received';
    const policeHandling =
      decide(ctx.actor, 'alarm.on_scene', region).allowed &&
      (facts.state === 'forwarded' || facts.state === 'on_scene');
    if (facts.state === 'resolved' || !facts.caseId || !(operatorHandling || policeHandling)) {
      throw forbidden(
        'case details are shown only while you handle an open alarm of this case',
        'alarm.caseDetailsWhileHandling',
      );
    }
    return db.transaction(async (tx) => {
      await audit(tx, ctx, {
        action: 'case.linked_info.read',
        access: 'read',
        recordType: 'case',
        recordId: facts.caseId,
        reason: `alarm:${alarmId}`,
      });
      return loadLinkedInfo(tx, deps.secrets, facts.caseId!, alarmId, new Date());
    });
  }

  /** Raises one alarm to `level` in its own short transaction; null when another node was first. */
  async function escalateOne(alarm: repo.AlarmFactsRow, level: number) {
    return db.transaction(async (tx) => {
      // conditional: with several nodes sweeping, exactly one raises each level
      if (!(await repo.setEscalationLevel(tx, alarm.id, level))) return null;
      const eventId = await repo.insertAlarmEvent(tx, {
        alarmId: alarm.id,
        actorId: null,
        actorLabel: 'escalation',
        from: alarm.state,
        to: alarm.state,
        note: ESCALATION_NOTE(level),
      });
      // level 1: every operator of the region's alarm centres; level 2: the police control room as well
      const roles = level === 1 ? ['operator'] : ['operator', 'police_control'];
      await notifyRegionRoles(tx, {
        regionId: alarm.regionId,
        roles,
        kind: `alarm.escalated.${level}`,
        caseId: alarm.caseId,
        alarmId: alarm.id,
      });
      await audit(tx, SYSTEM, {
        action: 'alarm.escalate',
        access: 'write',
        recordType: 'alarm',
        recordId: alarm.id,
        details: { level },
      });
      if (level === 2) {
        // the supervisors and the backup centre: the alarm centres' contact persons of this region,
        // e-mailed through the outbox, so the mail exists exactly when this escalation committed
        const contacts = await alarmCentreContactEmails(tx, alarm.regionId);
        await enqueueMailTo(tx, contacts, {
          kind: 'alarm.escalated.2',
          subject: 'Aware: melding wacht op afhandeling (escalatie)',
          text: [
            `Een melding in uw regio is ${alarm.state === 'received' ? 'niet op tijd opgepakt' : 'niet op tijd verder afgehandeld'} en is geëscaleerd naar niveau 2.`,
            `Open de alarmconsole: ${options.publicUrl}/ (melding ${alarm.id}).`,
            '',
            'Dit bericht bevat bewust geen persoonsgegevens.',
          ].join('\n'),
        });
      }
      return { type: 'alarm', alarmId: alarm.id, regionId: alarm.regionId, eventId } satisfies BusMessage;
    });
  }

  /**
   * Raises the escalation level of waiting alarms; derived from rows, so a restart loses nothing.
   * Each alarm is escalated in a transaction of its own: a sweep over many open alarms never holds
   * the audit chain long enough to delay a panic being stored.
   */
  async function escalate(now = new Date()): Promise<number> {
    let escalated = 0;
    for (const alarm of await repo.openAlarmsForEscalation(db)) {
      const level = escalationLevel(alarm, now, {
        unclaimedSeconds: options.escalateUnclaimedSeconds,
        stalledSeconds: options.escalateStalledSeconds,
      });
      if (level <= alarm.escalationLevel) continue;
      const done = await escalateOne(alarm, level);
      if (!done) continue;
      escalated++;
      deps.bus.publish(done);
    }
    return escalated;
  }

  let timer: NodeJS.Timeout | null = null;
  return {
    step,
    dispatch,
    detail,
    linkedInfo,
    escalate,
    startEscalation(intervalMs: number, onError: (error: unknown) => void) {
      const tick = () =>
        escalate()
          .catch(onError)
          .finally(() => {
            if (timer) timer = setTimeout(tick, intervalMs);
          });
      timer = setTimeout(tick, intervalMs);
    },
    stopEscalation() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

export type AlarmHandling = ReturnType<typeof createAlarmHandling>;
