import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../testing/databases.ts';
import { panicOverDc09, signIn, startTestPlatform, type TestPlatform } from '../../testing/platform.ts';
import { DEFAULT_PLANS } from './defaults.ts';

type Api = Awaited<ReturnType<typeof signIn>>;
const send = (api: Api, method: string, path: string, body?: object) =>
  api(path, { method, ...(body ? { body: JSON.stringify(body) } : {}) });
const NO_CALL_BACK =
  'Niet terugbellen: de pleger controleert haar telefoon. Alleen meeluisteren via de knop.';

interface PlanStep {
  key: string;
  source: string;
  action: string;
  instruction: string;
  forbidden: boolean;
  alert: boolean;
  tick: { done: boolean; reason: string | null; byName: string | null } | null;
}

describeEachEngine(
  'the operator works the action plan and the voice link; the console reports the display',
  (engine) => {
    let p: TestPlatform;
    let operator: Api;
    let coordinator: Api;
    let police: Api;

    beforeAll(async () => {
      p = await startTestPlatform(engine, { env: { AWARE_ESCALATION_SWEEP_SECONDS: '600' } });
      [operator, coordinator, police] = await Promise.all([
        signIn(p, 'operator'),
        signIn(p, 'coordinator'),
        signIn(p, 'police'),
      ]);
    });
    afterAll(() => p.close());

    it('a panic on a case with "do not call back": the agreement on top, every tick and the voice link on the timeline', async () => {
      const id = await panicOverDc09(p, '1001', 4101);

      // the console reports the display once; a second report changes nothing
      const first = await send(operator, 'POST', `/api/v1/alarms/${id}/shown`);
      expect(first.status).toBe(200);
      const shownAt = (await first.json()).shownAt;
      expect(shownAt).not.toBeNull();
      expect(await (await send(operator, 'POST', `/api/v1/alarms/${id}/shown`)).json()).toEqual({ shownAt });
      expect((await send(police, 'POST', `/api/v1/alarms/${id}/shown`)).status).toBe(403);

      // the plan holds her agreements: not before the operator has claimed the alarm
      expect((await operator(`/api/v1/alarms/${id}/plan`)).status).toBe(403);
      expect((await send(operator, 'POST', `/api/v1/alarms/${id}/claim`)).status).toBe(200);
      const planned = await operator(`/api/v1/alarms/${id}/plan`);
      expect(planned.status).toBe(200);
      const plan = (await planned.json()) as { kind: string; priority: number; steps: PlanStep[] };
      expect(plan).toMatchObject({ kind: 'panic', priority: 1 });
      expect(plan.steps[0]).toMatchObject({ source: 'case', instruction: NO_CALL_BACK, alert: true });
      expect(plan.steps.filter((s) => s.alert)).toHaveLength(1);
      const callBack = plan.steps.find((s) => s.action === 'call_back')!;
      expect(callBack).toMatchObject({ source: 'region', forbidden: true });
      const listen = plan.steps.find((s) => s.action === 'voice_listen')!;
      expect(listen.forbidden).toBe(false);

      const tick = (body: object) => send(operator, 'POST', `/api/v1/alarms/${id}/plan/ticks`, body);
      const refusedDone = await tick({ stepKey: callBack.key, done: true });
      expect(refusedDone.status).toBe(400);
      expect((await refusedDone.json()).errors[0].field).toBe('done');
      const noReason = await tick({ stepKey: callBack.key, done: false });
      expect(noReason.status).toBe(400);
      expect((await noReason.json()).errors[0]).toMatchObject({ field: 'reason', code: 'required' });
      expect((await tick({ stepKey: 'case:0000000000000000', done: true })).status).toBe(400);
      const notDone = await tick({ stepKey: callBack.key, done: false, reason: 'Afspraak: niet bellen' });
      expect(notDone.status, await notDone.clone().text()).toBe(200);
      expect((await tick({ stepKey: plan.steps[0]!.key, done: true })).status).toBe(200);

      // the voice link: opened listening, then spoken on, then closed
      const voice = (event: string) => send(operator, 'POST', `/api/v1/alarms/${id}/voice-link`, { event });
      expect(await (await voice('listen')).json()).toMatchObject({ open: true, spoke: false });
      expect((await voice('listen')).status).toBe(400);
      expect((await send(police, 'POST', `/api/v1/alarms/${id}/voice-link`, { event: 'close' })).status).toBe(
        403,
      );
      expect(await (await voice('speak')).json()).toMatchObject({ open: true, spoke: true });
      expect(await (await voice('close')).json()).toMatchObject({ open: false, spoke: true });
      expect((await voice('close')).status).toBe(400);
      const ticked = await tick({ stepKey: listen.key, done: true });
      const after = (await ticked.json()) as { steps: PlanStep[] };
      expect(after.steps.find((s) => s.key === listen.key)!.tick).toMatchObject({
        done: true,
        byName: 'Omar Alarmcentrale',
      });
      expect(after.steps.find((s) => s.key === callBack.key)!.tick).toMatchObject({
        done: false,
        reason: 'Afspraak: niet bellen',
      });

      const detail = await (await operator(`/api/v1/alarms/${id}`)).json();
      const entries = detail.timeline
        .filter((t: { messageCode?: string }) => t.messageCode)
        .map((t: { messageCode: string; messageParams: Record<string, string>; note: string | null }) => [
          t.messageCode,
          t.messageParams.action ?? t.messageParams.mode ?? null,
          t.messageParams.outcome ?? null,
          t.note,
        ]);
      expect(entries).toEqual([
        ['shownOnConsole', null, null, null],
        ['planStep', 'call_back', 'notDone', 'Afspraak: niet bellen'],
        ['planStep', 'other', 'done', null],
        ['voiceLink', 'listen', null, null],
        ['voiceLink', 'speak', null, null],
        ['voiceLink', 'close', null, null],
        ['planStep', 'voice_listen', 'done', null],
      ]);
      // the region's words are on the timeline; her agreement's are not copied onto the alarm
      expect(JSON.stringify(detail.timeline)).toContain(DEFAULT_PLANS.panic.steps[0]!.instruction);
      expect(JSON.stringify(detail.timeline)).not.toContain('pleger controleert');
      const s = detail.responseSeconds;
      expect(s.shown).not.toBeNull();
      expect(s.voice).toBeGreaterThanOrEqual(s.claimed);
      expect(s.claimed).toBeGreaterThanOrEqual(s.shown);
      // nothing was forwarded or dispatched: no time is made up for it
      expect([s.forwarded, s.dispatched, s.onScene]).toEqual([null, null, null]);

      const audit = await p.db.query<{ action: string; details: Record<string, unknown> }>(
        `select action, details from audit_log where record_id = $1 and action in ('alarm.plan_step', 'alarm.voice_link', 'alarm.shown') order by seq`,
        [id],
      );
      expect(audit.rows.map((r) => r.action)).toEqual([
        'alarm.shown',
        'alarm.plan_step',
        'alarm.plan_step',
        'alarm.voice_link',
        'alarm.voice_link',
        'alarm.voice_link',
        'alarm.plan_step',
      ]);
      expect(JSON.stringify(audit.rows)).not.toContain('pleger');
      const reads = await p.db.query<{ n: number }>(
        `select count(*)::int as n from audit_log where action = 'case.linked_info.read' and reason = $1
         and details->>'view' = 'action_plan'`,
        [`alarm:${id}`],
      );
      expect(reads.rows[0]!.n).toBe(1);

      // once resolved, the plan is closed
      expect(
        (await send(operator, 'POST', `/api/v1/alarms/${id}/resolve`, { outcome: 'pressed_by_accident' }))
          .status,
      ).toBe(200);
      expect((await tick({ stepKey: listen.key, done: true })).status).toBe(409);
      expect((await voice('listen')).status).toBe(409);
    });

    it('the team lead edits the region’s plan: validated, versioned, and the new step is on the next alarm', async () => {
      const regionId = (
        await p.db.query<{ id: string }>(`select id from regions where name like 'Demoregio%'`)
      ).rows[0]!.id;
      const plans = (await (await coordinator(`/api/v1/regions/${regionId}/action-plans`)).json()) as {
        kind: string;
        version: number;
        configured: boolean;
        steps: { id: string; action: string; instruction: string; policePriority?: number }[];
      }[];
      expect(plans.map((p) => p.kind).sort()).toEqual([
        'fault',
        'low_battery',
        'panic',
        'supervision',
        'tamper',
        'test',
      ]);
      expect(plans.every((p) => p.configured && p.version === 1)).toBe(true);
      const panic = plans.find((p) => p.kind === 'panic')!;
      const save = (body: object) =>
        send(coordinator, 'PUT', `/api/v1/regions/${regionId}/action-plans`, body);

      const wrong = await save({
        kind: 'low_battery',
        priority: 4,
        version: 1,
        steps: [{ action: 'forward_police', instruction: 'Politie', policePriority: 1 }],
      });
      expect(wrong.status).toBe(400);
      expect((await wrong.json()).errors.map((e: { field: string }) => e.field)).toEqual(['steps/0/action']);

      const steps = [...panic.steps, { action: 'inform_caseworker', instruction: 'Bel de casemanager' }];
      const saved = await save({ kind: 'panic', priority: 1, version: 1, steps });
      expect(saved.status).toBe(200);
      const body = await saved.json();
      expect(body.version).toBe(2);
      expect(body.steps.slice(0, 4).map((s: { id: string }) => s.id)).toEqual(panic.steps.map((s) => s.id));
      expect(body.steps[4].id).toMatch(/^[0-9a-f-]{36}$/);
      const stale = await save({ kind: 'panic', priority: 1, version: 1, steps });
      expect(stale.status).toBe(409);
      expect(
        (
          await send(operator, 'PUT', `/api/v1/regions/${regionId}/action-plans`, {
            kind: 'panic',
            priority: 1,
            version: 2,
            steps,
          })
        ).status,
      ).toBe(403);

      const id = await panicOverDc09(p, '1001', 4102);
      expect((await send(operator, 'POST', `/api/v1/alarms/${id}/claim`)).status).toBe(200);
      const plan = await (await operator(`/api/v1/alarms/${id}/plan`)).json();
      expect(plan.steps.at(-1)).toMatchObject({
        action: 'inform_caseworker',
        instruction: 'Bel de casemanager',
      });
    });
  },
);
