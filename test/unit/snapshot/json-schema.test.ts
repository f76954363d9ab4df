// The JSON Schemas in docs/schemas/ are the validators' own export, up to date, and usable by other
// tools: a standard JSON Schema validator (Ajv) accepts every fixture and refuses broken ones.
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src-main/diagnosis/diagnose.js';
import { decodeSnapshotBytes, parseSnapshotText } from '../../../src-main/snapshot/parse.js';
import { diagnosisJsonSchema } from '../../../src-main/diagnosis/json-schema.js';
import { snapshotJsonSchema } from '../../../src-main/snapshot/json-schema.js';

const docs = new URL('../../../docs/schemas/', import.meta.url);
const fixtures = new URL('../../fixtures/snapshots/', import.meta.url);
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

function compile(schema: Record<string, unknown>) {
  const ajv = new Ajv2020({ allErrors: false, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe('exported JSON Schemas', () => {
  it('docs/schemas/ holds the current export (run "npm run schemas" after changing a format)', () => {
    expect(JSON.parse(readFileSync(new URL('acs-snapshot.schema.json', docs), 'utf8'))).toEqual(snapshotJsonSchema());
    expect(JSON.parse(readFileSync(new URL('acs-diagnosis.schema.json', docs), 'utf8'))).toEqual(diagnosisJsonSchema());
  });

  it('accepts every fixture snapshot and its diagnosis', () => {
    const validateSnapshot = compile(snapshotJsonSchema());
    const validateDiagnosis = compile(diagnosisJsonSchema());
    for (const name of readdirSync(fixtures).filter((file) => file.endsWith('.json'))) {
      const value = JSON.parse(decodeSnapshotBytes(readFileSync(new URL(name, fixtures))));
      expect(validateSnapshot(value), `${name}: ${JSON.stringify(validateSnapshot.errors)}`).toBe(true);
      const parsed = parseSnapshotText(JSON.stringify(value));
      if (!parsed.ok) throw new Error(parsed.error);
      const diagnosis = JSON.parse(JSON.stringify(diagnose(parsed.snapshot)));
      expect(validateDiagnosis(diagnosis), `${name}: ${JSON.stringify(validateDiagnosis.errors)}`).toBe(true);
    }
  });

  it('refuses the broken fixtures that are well-formed JSON', () => {
    const validate = compile(snapshotJsonSchema());
    const broken = new URL('../../fixtures/snapshots/broken/', import.meta.url);
    for (const name of ['wrong-format.json', 'version-2.json', 'lowercase-thumbprint.json', 'build-as-string.json', 'missing-os.json', 'bad-service-state.json', 'bad-collected-at.json']) {
      expect(validate(JSON.parse(readFileSync(new URL(name, broken), 'utf8'))), name).toBe(false);
    }
  });
});
