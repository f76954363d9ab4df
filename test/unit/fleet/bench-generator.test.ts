// The benchmark's generated fleet is made of valid snapshots with a realistic mix of verdicts.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedSnapshot, generateFleetFolder } from '../../../bench/fleet.bench.js';
import { summarizeFleet } from '../../../src-main/fleet/index.js';
import { validateSnapshot } from '../../../src-main/snapshot/parse.js';

describe('fleet benchmark data', () => {
  it('generates valid snapshots that the summary reads without errors, in a mix of verdicts', async () => {
    for (let index = 0; index < 50; index += 1) expect(validateSnapshot(generatedSnapshot(index))).toMatchObject({ ok: true });
    const folder = await mkdtemp(join(tmpdir(), 'acs-bench-gen-'));
    try {
      await generateFleetFolder(folder, 120);
      const summary = await summarizeFleet(folder);
      expect(summary).toMatchObject({ snapshots: 120, machines: 120, unreadable: [] });
      expect(summary.byVerdict.ready).toBeGreaterThan(5);
      expect(summary.byVerdict['action-required']).toBeGreaterThan(5);
      expect(summary.byMissingKb.length).toBeGreaterThanOrEqual(2);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
