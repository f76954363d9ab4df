// The honest snapshot of a machine that is not Windows (runs here, on the real host OS).
import { describe, expect, it } from 'vitest';
import { collectSnapshotWithPath, PROBE_SECTIONS, type ProbeProgress } from '../../../src-main/probe/collect.js';
import { snapshotSchema } from '../../../src-main/snapshot/schema.js';
import { diagnose } from '../../../src-main/diagnosis/diagnose.js';
import { createNodeRunner } from '../../../src-main/windows/node-runner.js';
import { CountingRunner } from '../../../src-main/windows/command-runner.js';

describe.skipIf(process.platform === 'win32')('collect on a non-Windows host', () => {
  it('says what the machine is, lists every Windows section as not collected, and starts no Windows tool', async () => {
    const runner = new CountingRunner(createNodeRunner());
    const progress: ProbeProgress[] = [];
    const { snapshot, path } = await collectSnapshotWithPath({ runner, onProgress: (p) => progress.push(p) });
    expect(path).toBe('portable');
    expect(runner.started).toHaveLength(0);
    expect(snapshotSchema.safeParse(snapshot).success).toBe(true);
    expect(snapshot.os).toMatchObject({ platform: process.platform === 'darwin' ? 'darwin' : 'linux' });
    expect(snapshot.collector?.method).toBe('portable');
    expect(snapshot.host?.computerName).toBeTruthy();
    const windowsOnly = PROBE_SECTIONS.filter((section) => section !== 'os' && section !== 'host');
    expect(snapshot.errors?.map((error) => error.section)).toEqual(windowsOnly);
    expect(progress.filter((p) => p.status === 'skipped').map((p) => p.section)).toEqual(windowsOnly);
    expect(diagnose(snapshot).verdict).not.toBe('ready');
  });
});
