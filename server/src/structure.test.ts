import { describe, expect, it } from 'vitest';
import {
  folderCycles,
  readSources,
  type SourceFile,
  sqlOutsideRepositories,
} from './testing/structure-rules.ts';

const here = new URL('.', import.meta.url).pathname;

describe('the house rules of server/src', () => {
  const files = readSources(here);

  it('has no import loop between its folders', () => {
    expect(folderCycles(files)).toEqual([]);
  });

  it('keeps SQL in repositories', () => {
    expect(sqlOutsideRepositories(files)).toEqual([]);
  });
});

describe('the checks catch what they are for', () => {
  const file = (path: string, text: string): SourceFile => ({ path, text });

  it('finds a loop between two folders, also through a type-only import', () => {
    const planted = [
      file('alarms/service.ts', "import { supervise } from '../devices/supervision.ts';\n"),
      file('devices/supervision.ts', "import type { AlarmService } from '../alarms/service.ts';\n"),
      file('cases/timeline.ts', "import type { Queryable } from '../db/index.ts';\n"),
    ];
    const cycles = folderCycles(planted);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toContain('alarms ⇄ devices');
    expect(cycles[0]).toContain('devices/supervision.ts → alarms/service.ts');
  });

  it('finds a loop through three folders, and none when the imports run one way', () => {
    const around = [
      file('a/x.ts', "import { y } from '../b/y.ts';"),
      file('b/y.ts', "export { z } from '../c/z.ts';"),
      file('c/z.ts', "import { x } from '../a/x.ts';"),
    ];
    expect(folderCycles(around)[0]).toContain('a ⇄ b ⇄ c');
    expect(folderCycles(around.slice(0, 2))).toEqual([]);
  });

  it('ignores imports within one folder and from tests', () => {
    expect(
      folderCycles([
        file('cases/intake/decision.ts', "import { x } from '../timeline.ts';"),
        file('cases/timeline.ts', "import { y } from './intake/decision.ts';"),
        file('db/x.test.ts', "import { z } from '../cases/timeline.ts';"),
        file('cases/z.ts', "import { w } from '../db/w.ts';"),
      ]),
    ).toEqual([]);
  });

  it('finds SQL in a service, route or sweep, but not in a repository, a test, the database folder or the LISTEN/NOTIFY transport', () => {
    const query = 'await tx.query<{ id: string }>(\n`select 1`);';
    expect(
      sqlOutsideRepositories([
        file('cases/service.ts', query),
        file('cases/routes.ts', 'request.query.limit'),
        file('cases/repository.ts', query),
        file('cases/intake/repository.ts', query),
        file('cases/work-repository.ts', query),
        file('cases/cases.test.ts', query),
        file('db/migrate.ts', query),
        file('alarms/service.ts', query),
        file('realtime/pg-bus.ts', "await client.query('listen aware_events');"),
        file('realtime/bus.ts', query),
      ]),
    ).toEqual(['cases/service.ts (1)', 'alarms/service.ts (1)', 'realtime/bus.ts (1)']);
  });
});
