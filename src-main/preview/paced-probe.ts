// The simulated collector answers at once, although the machine it plays says how long each part took
// (a hanging event-log query runs until its 8-second budget). The preview replays the probe's section
// reports at that timing, so the checking list ticks as on a real machine and a hang really waits
// (issue 16, point 13); the snapshot is handed over after its last report. Cancelling still works.
import type { AppServices, ProbeProgressReport } from '../app/services.js';

export interface ProbePace {
  /** Real milliseconds per simulated millisecond (1: as long as on the simulated machine; 0.5: twice as fast). */
  scale: number;
  /** At least this many real milliseconds between two reports (0: none). */
  minGapMs: number;
}

/** The preview's pace: the simulated machine's own timing. */
export const REAL_TIME_PACE: ProbePace = { scale: 1, minGapMs: 0 };

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The services with the probe's section reports replayed at `pace` (collection itself runs at simulation speed). */
export function pacedProbeServices(services: AppServices, pace: ProbePace): AppServices {
  if (pace.scale <= 0 && pace.minGapMs <= 0) return services;
  return {
    ...services,
    async collectSnapshot(request) {
      const reports: ProbeProgressReport[] = [];
      const snapshot = await services.collectSnapshot({ ...request, onProgress: (report) => reports.push(report) });
      let previous = reports[0]?.elapsedMs ?? 0;
      for (const report of reports) {
        await pause(Math.max(pace.minGapMs, (report.elapsedMs - previous) * pace.scale), request.signal);
        previous = Math.max(previous, report.elapsedMs);
        if (request.signal?.aborted) throw new Error('The check was cancelled.');
        request.onProgress?.(report);
      }
      return snapshot;
    },
  };
}
