// `npm run lint`, after Biome: fails on an import loop between server/src's folders, or SQL outside a repository.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { folderCycles, readSources, sqlOutsideRepositories } from './structure-rules.ts';

const files = readSources(join(dirname(fileURLToPath(import.meta.url)), '..'));
const cycles = folderCycles(files);
const sql = sqlOutsideRepositories(files);
for (const cycle of cycles) console.error(`import loop between folders of server/src: ${cycle}`);
for (const file of sql)
  console.error(`SQL outside a repository: server/src/${file} — move it into a *repository.ts`);
if (cycles.length > 0 || sql.length > 0) process.exit(1);
console.log(`server/src: no import loop between folders, SQL only in repositories (${files.length} files)`);
