// Snapshots from elsewhere (a customer, a fleet tool, a hand edit): thousands of generated broken,
// truncated, nested, huge, wrong-version and type-confused documents are refused with one clear
// message naming a field, or diagnosed into a valid acs-diagnosis; never a crash, never a hang.
import fc from 'fast-check';
import { mkdtemp, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src-main/diagnosis/diagnose.js';
import { diagnosisSchema } from '../../src-main/diagnosis/schema.js';
import { MAX_SNAPSHOT_BYTES, parseSnapshotText, readSnapshotFile, validateSnapshot } from '../../src-main/snapshot/parse.js';
import { allPaths, confusingValue, validSnapshot, withValueAt } from './support/arbitraries.js';
import { fixtureText } from './support/hostile.js';

const FIXTURES = ['win10-21h2-offline-german-unpatched.json', 'server2019-airgapped-root-missing.json', 'win7-sp1-no-esu-rollups.json', 'win11-23h2-healthy.json'];
const baseTexts = FIXTURES.map(fixtureText);
const baseValues = baseTexts.map((text) => JSON.parse(text) as unknown);

/** Starts the way every snapshot error starts, then names a field and the problem. */
const CLEAR_ERROR = /^invalid snapshot: \S[^]*$/;

function expectDiagnosable(value: unknown): void {
  const parsed = validateSnapshot(value);
  if (!parsed.ok) return;
  const diagnosis = diagnose(parsed.snapshot);
  const checked = diagnosisSchema.safeParse(JSON.parse(JSON.stringify(diagnosis)));
  expect(checked.success, checked.success ? '' : JSON.stringify(checked.error.issues[0])).toBe(true);
}

describe('snapshot text that is not a snapshot', () => {
  it('any text at all is refused with one clear line, never an exception', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom('', ' ', '\uFEFF', 'null', '[]', '{}', '"x"', '1e999', '{"format":"acs-snapshot"')),
        (text) => {
          const result = parseSnapshotText(text);
          if (!result.ok) expect(result.error).toMatch(CLEAR_ERROR);
          else expectDiagnosable(result.snapshot);
        },
      ),
      { numRuns: 2000 },
    );
  });

  // Was a bug (reported, fixed in b2a6d5c): parse.ts quoted V8's JSON.parse message, which echoes the input raw.
  it('the "not valid JSON" message is one line with no control characters copied from the input', () => {
    for (const text of ['\n\u0000', '\u001b[2J\u202Eevil', '{"a":\u001b]8;;x\u0007}']) {
      const result = parseSnapshotText(text);
      expect(result.ok).toBe(false);
      // eslint-disable-next-line no-control-regex -- finding control characters is the point
      if (!result.ok) expect(result.error).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    }
  });

  it('any JSON value that is not a snapshot names the field at fault (format first)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const result = parseSnapshotText(JSON.stringify(value));
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error).toMatch(/^invalid snapshot: (format: expected "acs-snapshot"|the document must be a JSON object)/);
      }),
      { numRuns: 1000 },
    );
  });

  it('every truncation of a real snapshot is refused as "not valid JSON"', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: baseTexts.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), (which, fraction) => {
        const text = baseTexts[which]!.trimEnd();
        const cut = Math.min(text.length - 1, Math.floor(text.length * fraction));
        const result = parseSnapshotText(text.slice(0, cut));
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error).toMatch(/^invalid snapshot: not valid JSON \(/);
      }),
      { numRuns: 1000 },
    );
  });

  it('another version or another kind of document says so by field name', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: baseValues.length - 1 }),
        confusingValue.filter((value) => value !== 1),
        (which, version) => {
          const result = validateSnapshot({ ...(baseValues[which] as object), version });
          expect(result).toEqual({ ok: false, error: expect.stringMatching(/^invalid snapshot: version: this program reads version 1, found /) });
        },
      ),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(
        confusingValue.filter((value) => value !== 'acs-snapshot'),
        (format) => {
          const result = validateSnapshot({ ...(baseValues[0] as object), format });
          expect(result).toEqual({ ok: false, error: expect.stringMatching(/^invalid snapshot: format: expected "acs-snapshot"/) });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a value of the wrong type anywhere is refused naming that field, or still diagnoses', () => {
    const cases = baseValues.map((value) => ({ value, paths: allPaths(value) }));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: cases.length - 1 }), fc.nat(), confusingValue, (which, pick, replacement) => {
        const { value, paths } = cases[which]!;
        const path = paths[pick % paths.length]!;
        const mutated = withValueAt(value, path, replacement);
        const result = validateSnapshot(mutated);
        if (result.ok) return expectDiagnosable(mutated);
        expect(result.error).toMatch(CLEAR_ERROR);
        // The message names the section that was changed (its top-level field), not some other one.
        expect(result.error.slice('invalid snapshot: '.length)).toMatch(new RegExp(`^${String(path[0])}\\b`));
      }),
      { numRuns: 3000 },
    );
  });

  it('deep nesting is refused or read without overflowing the stack', () => {
    for (const depth of [1_000, 100_000]) {
      for (const text of ['['.repeat(depth) + ']'.repeat(depth), '{"a":'.repeat(depth) + '1' + '}'.repeat(depth), '['.repeat(depth)]) {
        const result = parseSnapshotText(text);
        expect(result.ok).toBe(false);
      }
      const nestedOs = baseTexts[0]!.replace('"os":', `"os":${'['.repeat(depth)}${']'.repeat(depth)},"os2":`);
      const result = parseSnapshotText(nestedOs);
      expect(result).toEqual({ ok: false, error: expect.stringMatching(/^invalid snapshot: os\b/) });
    }
  });

  // Was a bug (reported, fixed in b2a6d5c): unknown fields of any depth passed (looseObject), and
  // JSON.stringify / redaction of such a snapshot overflowed the stack later.
  it('a snapshot that was accepted can always be written back as JSON and redacted (deep unknown fields refused at parse)', async () => {
    const depth = 20_000;
    const text = baseTexts[0]!.replace(/^\{/, `{"extra":${'['.repeat(depth)}${']'.repeat(depth)},`);
    const result = parseSnapshotText(text);
    if (!result.ok) return expect(result.error).toMatch(CLEAR_ERROR);
    const { redactSnapshot } = await import('../../src-main/redaction/redact.js');
    expect(() => JSON.stringify(result.snapshot)).not.toThrow();
    expect(() => redactSnapshot(result.snapshot)).not.toThrow();
  });
});

describe('size cap before parsing', () => {
  it('refuses text over the cap by its UTF-8 size, before JSON.parse sees it', () => {
    // Not JSON at all: had it been parsed, the error would say "not valid JSON".
    const ascii = '{' + ' '.repeat(MAX_SNAPSHOT_BYTES);
    expect(parseSnapshotText(ascii)).toEqual({ ok: false, error: expect.stringMatching(/larger than 16 MiB/) });
    // Fewer characters than the cap, but more bytes: two bytes each in UTF-8.
    const wide = 'é'.repeat(MAX_SNAPSHOT_BYTES / 2 + 1);
    expect(wide.length).toBeLessThan(MAX_SNAPSHOT_BYTES);
    expect(parseSnapshotText(wide)).toEqual({ ok: false, error: expect.stringMatching(/larger than 16 MiB/) });
  });

  it('refuses a file over the cap from its size alone (a sparse file that is not JSON)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'acs-huge-'));
    const file = join(dir, 'huge snapshot.json');
    await writeFile(file, '');
    // The file-size gate is twice the text cap: a UTF-16 file (as Windows PowerShell 5.1 writes
    // `collect.ps1 > snapshot.json`) takes two bytes per character of the same snapshot.
    await truncate(file, 2 * MAX_SNAPSHOT_BYTES + 1);
    const started = performance.now();
    const result = await readSnapshotFile(file);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/is larger than 16 MiB/) });
    expect(performance.now() - started).toBeLessThan(1000); // not read: a 16 MiB read + parse takes longer here
  });
});

describe('valid snapshots over the whole format', () => {
  it('diagnose() never throws, is pure, and returns a valid acs-diagnosis that follows the verdict rules', () => {
    fc.assert(
      fc.property(validSnapshot, (generated) => {
        const parsed = validateSnapshot(JSON.parse(JSON.stringify(generated)));
        expect(parsed.ok, parsed.ok ? '' : parsed.error).toBe(true);
        if (!parsed.ok) return;
        const before = JSON.stringify(parsed.snapshot);
        const diagnosis = diagnose(parsed.snapshot);
        expect(JSON.stringify(parsed.snapshot)).toBe(before); // the input is not changed
        const checked = diagnosisSchema.safeParse(JSON.parse(JSON.stringify(diagnosis)));
        expect(checked.success, checked.success ? '' : JSON.stringify(checked.error.issues.slice(0, 2))).toBe(true);
        expect(diagnose(parsed.snapshot)).toEqual(diagnosis); // the same answer every time
        const steps = diagnosis.plan.map((step) => step.step);
        if (diagnosis.verdict === 'ready') expect(steps).toEqual([]);
        if (steps.includes('upgrade-windows')) expect(diagnosis.verdict).toBe('unsupported');
        if (diagnosis.verdict === 'action-required') expect(steps.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });
});
