import { describe, expect, it } from 'vitest';
import { type AftercareTask, TASK_KINDS } from '../api/contract.ts';
import nl from '../i18n/nl.json';
import { sortTasks } from './labels.ts';

const task = (id: string, kind: AftercareTask['kind'], dueAt: string | null): AftercareTask => ({
  id,
  caseId: 'c',
  caseReference: 'AW-1',
  alarmId: 'a',
  kind,
  // the server always dates a task; the sort still puts an undated one last
  dueAt: dueAt as string,
  description: null,
  doneAt: null,
});

describe('after-care tasks', () => {
  it('sorts by due date, undated last, then in after-care order', () => {
    const sorted = sortTasks([
      task('none', 'aftercare_contact', null),
      task('late', 'evaluate_incident', '2025-01-03T00:00:00Z'),
      task('plan', 'review_safety_plan', '2025-01-01T00:00:00Z'),
      task('contact', 'aftercare_contact', '2025-01-01T00:00:00Z'),
    ]);
    expect(sorted.map((t) => t.id)).toEqual(['contact', 'plan', 'late', 'none']);
  });

  it('has the Dutch labels', () => {
    expect(TASK_KINDS.map((k) => nl.aftercare.kind[k])).toEqual([
      'Emotionele nazorg — contact opnemen',
      'Incident evalueren met cliënt',
      'Ondersteunen bij aangifte',
      'Veiligheidsplan herzien',
    ]);
  });
});
