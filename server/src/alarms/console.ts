import { requireAccess } from '../access/index.ts';
import { audit } from '../audit/index.ts';
import type { RequestContext } from '../context.ts';
import type { Database } from '../db/index.ts';
import { conflict, DomainError, forbidden, notFound } from '../errors.ts';
import type { Bus } from '../realtime/bus.ts';
import {
  closeVoice,
  lockShown,
  newestVoiceLink,
  openVoice,
  openVoiceLink,
  shownAt,
  startSpeaking,
} from './console-repository.ts';
import { touchAlarmStep } from './handling-repository.ts';
import * as repo from './repository.ts';
import { type VoiceEvent, voiceChange } from './voice-link.ts';

const ENTRY = {
  open_listening: 'voice_listen',
  open_speaking: 'voice_speak',
  start_speaking: 'voice_speak',
  close: 'voice_close',
} as const;

/**
 * What the console itself reports (issue 16): that it showed an alarm to an operator, and how the operator
 * used the device's voice link. Both are timeline entries, timed by the server when they arrive.
 */
export function createConsoleReports(db: Database, deps: { bus: Bus }) {
  /**
   * The console has rendered the alarm. The first report of any operator's console is recorded; later ones
   * change nothing (idempotent). A resolved alarm is not "shown" any more: a history view is no delivery.
   */
  async function shown(ctx: RequestContext, alarmId: string): Promise<{ shownAt: Date | null }> {
    const facts = await repo.findAlarmFacts(db, alarmId);
    if (!facts) throw notFound('alarm');
    requireAccess(ctx.actor, 'alarm.read', { regionId: facts.regionId }, true);
    requireAccess(ctx.actor, 'alarm.handle', { regionId: facts.regionId });
    const result = await db.transaction(async (tx) => {
      const alarm = await lockShown(tx, alarmId);
      if (!alarm || alarm.shownAt || alarm.state === 'resolved')
        return { shownAt: alarm?.shownAt ?? null, eventId: null };
      const eventId = await repo.insertAlarmEvent(tx, {
        alarmId,
        actorId: ctx.actor.id,
        actorLabel: ctx.actor.label,
        from: alarm.state as repo.AlarmRow['state'],
        to: alarm.state as repo.AlarmRow['state'],
        kind: 'shown',
      });
      await audit(tx, ctx, {
        action: 'alarm.shown',
        access: 'write',
        recordType: 'alarm',
        recordId: alarmId,
      });
      return { shownAt: await shownAt(tx, alarmId), eventId };
    });
    if (result.eventId !== null)
      deps.bus.publish({ type: 'alarm', alarmId, regionId: facts.regionId, eventId: result.eventId });
    return { shownAt: result.shownAt };
  }

  /** Opens the voice link listening or speaking, switches it to speaking, or closes it. */
  async function voiceLink(ctx: RequestContext, alarmId: string, event: VoiceEvent) {
    const facts = await repo.findAlarmFacts(db, alarmId);
    if (!facts) throw notFound('alarm');
    requireAccess(ctx.actor, 'alarm.read', { regionId: facts.regionId }, true);
    requireAccess(ctx.actor, 'alarm.handle', { regionId: facts.regionId });
    if (facts.state === 'resolved') throw conflict('the alarm is already resolved', 'alarm.resolved');
    if (facts.claimedBy === null || facts.claimedBy !== ctx.actor.id)
      throw forbidden('only the operator handling this alarm uses its voice link', 'forbidden');
    const eventId = await db.transaction(async (tx) => {
      const open = await openVoiceLink(tx, alarmId);
      const change = voiceChange(open, event);
      if (!change.ok)
        throw new DomainError(
          400,
          'Invalid request',
          `event ${change.reason}`,
          [{ field: 'event', message: change.reason, code: 'invalid' }],
          { code: 'invalid' },
        );
      if (change.change === 'open_listening' || change.change === 'open_speaking')
        await openVoice(tx, { alarmId, by: ctx.actor.id!, as: event === 'speak' ? 'speak' : 'listen' });
      else if (change.change === 'start_speaking') await startSpeaking(tx, open!.id);
      else await closeVoice(tx, open!.id);
      const id = await repo.insertAlarmEvent(tx, {
        alarmId,
        actorId: ctx.actor.id,
        actorLabel: ctx.actor.label,
        from: facts.state,
        to: facts.state,
        kind: ENTRY[change.change],
      });
      await touchAlarmStep(tx, alarmId);
      await audit(tx, ctx, {
        action: 'alarm.voice_link',
        access: 'write',
        recordType: 'alarm',
        recordId: alarmId,
        details: { change: change.change },
      });
      return id;
    });
    deps.bus.publish({ type: 'alarm', alarmId, regionId: facts.regionId, eventId });
    const link = await newestVoiceLink(db, alarmId);
    return {
      open: link !== null && link.closedAt === null,
      openedAt: link?.openedAt ?? null,
      spoke: link !== null && link.spokeAt !== null,
      closedAt: link?.closedAt ?? null,
    };
  }

  return { shown, voiceLink };
}

export type ConsoleReports = ReturnType<typeof createConsoleReports>;
