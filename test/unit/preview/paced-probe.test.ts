// The preview's probe pace (issue 16, point 13): the section reports are replayed at the simulated
// machine's timing (a hang really waits), the snapshot comes after the last report, and a cancel stops it.
import { describe, expect, it } from 'vitest';
import type { AppServices, ProbeProgressReport } from '../../../src-main/app/services.js';
import { pacedProbeServices } from '../../../src-main/preview/paced-probe.js';

const reports: ProbeProgressReport[] = [
  { section: 'host', status: 'started', elapsedMs: 450 },
  { section: 'events', status: 'started', elapsedMs: 450 },
  { section: 'host', status: 'done', elapsedMs: 470 },
  { section: 'events', status: 'failed', elapsedMs: 8450, message: 'timed out after 8000 ms' },
];

function instant(): AppServices {
  return {
    async collectSnapshot(request: Parameters<AppServices['collectSnapshot']>[0]) {
      for (const report of reports) request.onProgress?.(report);
      return { collectedAt: 'now' } as never;
    },
  } as unknown as AppServices;
}

describe('paced probe', () => {
  it('replays each report at its time (here at 1/100 of it): the hanging section last, then the snapshot', async () => {
    const seen: { section: string; status: string; at: number }[] = [];
    const started = performance.now();
    const snapshot = await pacedProbeServices(instant(), { scale: 0.01, minGapMs: 0 }).collectSnapshot({
      runner: {} as never,
      onProgress: (report) => seen.push({ section: report.section, status: report.status, at: performance.now() - started }),
    });
    expect(snapshot).toEqual({ collectedAt: 'now' });
    expect(seen.map((entry) => `${entry.section}:${entry.status}`)).toEqual(['host:started', 'events:started', 'host:done', 'events:failed']);
    expect(seen[3]!.at - seen[2]!.at).toBeGreaterThanOrEqual(75);
  });

  it('a cancel stops the replay', async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    const running = pacedProbeServices(instant(), { scale: 1, minGapMs: 0 }).collectSnapshot({ runner: {} as never, signal: controller.signal, onProgress: (report) => seen.push(report.status) });
    setTimeout(() => controller.abort(), 50);
    await expect(running).rejects.toThrow(/cancelled/);
    expect(seen).not.toContain('failed');
  });

  it('without a pace the services are the same object', () => {
    const services = instant();
    expect(pacedProbeServices(services, { scale: 0, minGapMs: 0 })).toBe(services);
  });
});
