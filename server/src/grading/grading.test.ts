import { afterAll, beforeAll, expect, it } from 'vitest';
import { pdfText } from '../pdf/testing/pdf-text.ts';
import { describeEachEngine } from '../testing/databases.ts';
import { panicOverDc09, signIn, startTestPlatform, type TestPlatform } from '../testing/platform.ts';

type Api = Awaited<ReturnType<typeof signIn>>;

/** Tuesday of 2026-W45, 10:00 in Amsterdam */
const T0 = Date.parse('2026-11-03T09:00:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000);

describeEachEngine(
  'response grading: each link of the chain, per week, priority and operator, against norms',
  (engine) => {
    let p: TestPlatform;
    let operator: Api;
    let coordinator: Api;
    let regionId: string;
    const ids: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };

    /**
     * Three panics of 2026-W45 with times set to the tenth, as the steps would have written them:
     * a: every link; b: claimed late, no voice link, never forwarded; c: claimed after a minute.
     * A test press and a repeated press in the same week are not graded.
     */
    beforeAll(async () => {
      p = await startTestPlatform(engine, { env: { AWARE_ESCALATION_SWEEP_SECONDS: '600' } });
      [operator, coordinator] = await Promise.all([signIn(p, 'operator'), signIn(p, 'coordinator')]);
      regionId = (await p.db.query<{ id: string }>(`select id from regions where name like 'Demoregio%'`))
        .rows[0]!.id;
      const operatorId = (
        await p.db.query<{ id: string }>(`select id from users where email like 'operator@%'`)
      ).rows[0]!.id;
      const placed = async (sequence: number, received: number, steps: [string | null, string, number][]) => {
        const id = await panicOverDc09(p, '1001', sequence);
        await p.db.query(
          `update alarms set received_at = $2, claimed_by = $3, state = 'resolved', outcome = 'no_threat' where id = $1`,
          [id, at(received), operatorId],
        );
        for (const [kind, toState, seconds] of steps)
          await p.db.query(
            `insert into alarm_events (alarm_id, actor_id, actor_label, from_state, to_state, kind, at)
           values ($1, $2, 'operator', $3, $3, $4, $5)`,
            [id, operatorId, toState, kind, at(received + seconds)],
          );
        return id;
      };
      ids.a = await placed(5101, 0, [
        ['shown', 'received', 2],
        [null, 'claimed', 7],
        ['voice_listen', 'claimed', 12.5],
        [null, 'forwarded', 20],
        ['dispatch', 'forwarded', 45],
        [null, 'on_scene', 400],
      ]);
      ids.b = await placed(5102, 3600, [
        ['shown', 'received', 3],
        [null, 'claimed', 40],
      ]);
      ids.c = await placed(5103, 86_400, [
        ['shown', 'received', 1],
        [null, 'claimed', 65],
        ['voice_speak', 'claimed', 70],
      ]);
      const test = await placed(5104, 7200, [[null, 'claimed', 1]]);
      await p.db.query('update alarms set is_test = true where id = $1', [test]);
      const repeat = await placed(5105, 60, [[null, 'claimed', 1]]);
      await p.db.query('update alarms set first_alarm_id = $2 where id = $1', [repeat, ids.a]);
    });
    afterAll(() => p.close());

    const report = async (api: Api, query = '?from=2026-W45&to=2026-W46') => {
      const r = await api(`/api/v1/regions/${regionId}/grading${query}`);
      expect(r.status, await r.clone().text()).toBe(200);
      return r.json();
    };

    it('each alarm’s own times from receipt; a link that did not happen stays empty', async () => {
      const r = await report(operator);
      expect(r.total).toBe(3);
      const a = r.alarms.find((x: { id: string }) => x.id === ids.a);
      expect(a).toMatchObject({ week: '2026-W45', priority: 1, operatorName: 'Omar Alarmcentrale' });
      expect(a.seconds).toEqual({
        shown: 2,
        claimed: 7,
        voice: 12.5,
        forwarded: 20,
        dispatched: 45,
        on_scene: 400,
      });
      const b = r.alarms.find((x: { id: string }) => x.id === ids.b);
      expect(b.seconds).toEqual({
        shown: 3,
        claimed: 40,
        voice: null,
        forwarded: null,
        dispatched: null,
        on_scene: null,
      });
      expect(r.alarms.map((x: { id: string }) => x.id)).toEqual([ids.c, ids.b, ids.a]);
    });

    it('percentiles and the shares within 30 and 60 s, against the default norm and then the region’s own', async () => {
      const r = await report(operator);
      expect(r.norms).toEqual({
        configured: false,
        stages: [{ stage: 'claimed', within30: 0.8, within60: 0.985 }],
      });
      const stage = (stages: { stage: string }[], name: string) => stages.find((s) => s.stage === name);
      expect(stage(r.overall, 'claimed')).toEqual({
        stage: 'claimed',
        n: 3,
        notReached: 0,
        p50: 40,
        p90: 65,
        p99: 65,
        within30: 0.333,
        within60: 0.667,
        meets30: false,
        meets60: false,
      });
      expect(stage(r.overall, 'voice')).toMatchObject({ n: 2, notReached: 1, p50: 12.5, p99: 70 });
      expect(stage(r.overall, 'dispatched')).toMatchObject({ n: 1, notReached: 2, p50: 45, meets30: null });
      expect(r.weeks.map((w: { week: string; alarms: number }) => [w.week, w.alarms])).toEqual([
        ['2026-W45', 3],
        ['2026-W46', 0],
      ]);
      expect(stage(r.weeks[1].stages, 'claimed')).toMatchObject({ n: 0, p50: null, within30: null });
      expect(r.byPriority.map((g: { priority: number; alarms: number }) => [g.priority, g.alarms])).toEqual([
        [1, 3],
      ]);
      expect(
        r.byOperator.map((g: { operatorName: string; alarms: number }) => [g.operatorName, g.alarms]),
      ).toEqual([['Omar Alarmcentrale', 3]]);

      const put = (body: object) =>
        coordinator(`/api/v1/regions/${regionId}/grading/norms`, {
          method: 'PUT',
          body: JSON.stringify(body),
        });
      expect((await put({ stages: [{ stage: 'claimed', within30: 0.9, within60: 0.5 }] })).status).toBe(400);
      const saved = await put({
        stages: [
          { stage: 'claimed', within30: 0.3, within60: 0.7 },
          { stage: 'voice', within30: 0.5, within60: null },
        ],
      });
      expect(saved.status, await saved.clone().text()).toBe(200);
      const own = await report(operator);
      expect(own.norms.configured).toBe(true);
      expect(stage(own.overall, 'claimed')).toMatchObject({ meets30: true, meets60: false });
      expect(stage(own.overall, 'voice')).toMatchObject({ within30: 0.5, meets30: true, meets60: null });
      expect((await put({ stages: [] })).status).toBe(200);
    });

    it('refuses a week that does not exist and a span of more than 26 weeks', async () => {
      expect((await operator(`/api/v1/regions/${regionId}/grading?from=2027-W53`)).status).toBe(400);
      expect((await operator(`/api/v1/regions/${regionId}/grading?from=2026-W01&to=2026-W40`)).status).toBe(
        400,
      );
      expect((await operator(`/api/v1/regions/${regionId}/grading?from=2026-W46&to=2026-W45`)).status).toBe(
        400,
      );
    });

    it('the weekly PDF for the alarm centre’s manager: Dutch, confidential, every link and each alarm', async () => {
      const response = await operator(`/api/v1/regions/${regionId}/grading/week.pdf?week=2026-W45`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      const pdf = await pdfText(new Uint8Array(await response.arrayBuffer()));
      const text = pdf.text.replace(/\s+/g, ' ');
      expect(text).toContain('VERTROUWELIJK');
      expect(text).toContain('Opgesteld voor Omar Alarmcentrale');
      expect(text).toContain('Responsbeoordeling 2026-W45');
      expect(text).toContain('2 november 2026 t/m 8 november 2026');
      expect(text).toContain('3 meldingen');
      expect(text).toContain('Geclaimd: 80% binnen 30 s, 98,5% binnen 60 s');
      // claimed: 40, 65 and 7 s: one in three within 30 s, two within 60 s, against 80 % and 98.5 %
      expect(text).toMatch(/Geclaimd 3 0 40 s 65 s 65 s 33,3% \(nee\) 66,7% \(nee\)/);
      expect(text).toMatch(/Spreek-luisterverbinding 2 1 12,5 s 70 s 70 s 50% 50%/);
      expect(text).toContain('12,5 s');
      expect(text).toContain('400 s');
      expect(text).not.toContain('operator@');
    });
  },
);
