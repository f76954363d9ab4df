// Evidence must point at real facts: every evidence path resolves in the snapshot it came from.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src-main/diagnosis/diagnose.js';
import { decodeSnapshotBytes, parseSnapshotText } from '../../../src-main/snapshot/parse.js';

const folder = new URL('../../fixtures/snapshots/', import.meta.url);

function resolve(root: unknown, path: string): { found: boolean; value?: unknown } {
  let current: unknown = root;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (current === null || typeof current !== 'object' || !(part in (current as Record<string, unknown>))) return { found: false };
    current = (current as Record<string, unknown>)[part];
  }
  return { found: true, value: current };
}

describe('evidence', () => {
  for (const name of readdirSync(folder).filter((file) => file.endsWith('.json'))) {
    it(`${name}: every evidence path exists in the snapshot, and primitive values match it`, () => {
      const text = decodeSnapshotBytes(readFileSync(new URL(name, folder)));
      const parsed = parseSnapshotText(text);
      if (!parsed.ok) throw new Error(parsed.error);
      const raw = JSON.parse(text);
      for (const finding of diagnose(parsed.snapshot).findings) {
        expect(finding.explanation.length, finding.id).toBeGreaterThan(20);
        for (const evidence of finding.evidence) {
          const resolved = resolve(raw, evidence.path);
          // A whole section that is absent is shown as evidence with the value null.
          if (!resolved.found && evidence.value === null && !/[.[]/.test(evidence.path)) continue;
          expect(resolved.found, `${finding.id}: ${evidence.path}`).toBe(true);
          if (resolved.value === null || typeof resolved.value !== 'object') {
            if (typeof evidence.value !== 'object' || evidence.value === null) expect(evidence.value, `${finding.id}: ${evidence.path}`).toEqual(resolved.value);
          }
        }
      }
    });
  }
});
