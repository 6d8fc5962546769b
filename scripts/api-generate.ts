// npm run api:generate: rewrites web/src/api/schema.d.ts and values.ts from the server's OpenAPI document.
import { writeFileSync } from 'node:fs';
import { generateApiFiles } from '../server/src/contract/api-schema.ts';

for (const [file, text] of Object.entries(await generateApiFiles())) {
  writeFileSync(file, text);
  console.log(`wrote ${file}`);
}
