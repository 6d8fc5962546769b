// npm run api:generate: rewrites web/src/api/schema.d.ts from the server's OpenAPI document.
import { writeFileSync } from 'node:fs';
import { API_SCHEMA_FILE, generateApiSchema } from '../server/src/contract/api-schema.ts';

writeFileSync(API_SCHEMA_FILE, await generateApiSchema());
console.log(`wrote ${API_SCHEMA_FILE}`);
