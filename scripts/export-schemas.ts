// Writes docs/schemas/acs-snapshot.schema.json and acs-diagnosis.schema.json from the validators.
// Run after changing a format: npm run schemas (a test fails while the files are out of date).
import { writeFileSync } from 'node:fs';
import { diagnosisJsonSchema } from '../src-main/diagnosis/json-schema.js';
import { snapshotJsonSchema } from '../src-main/snapshot/json-schema.js';

const folder = new URL('../docs/schemas/', import.meta.url);
writeFileSync(new URL('acs-snapshot.schema.json', folder), `${JSON.stringify(snapshotJsonSchema(), null, 2)}\n`);
writeFileSync(new URL('acs-diagnosis.schema.json', folder), `${JSON.stringify(diagnosisJsonSchema(), null, 2)}\n`);
console.log('wrote docs/schemas/acs-snapshot.schema.json and docs/schemas/acs-diagnosis.schema.json');
