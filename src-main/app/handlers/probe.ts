// Checking this machine: start / cancel the probe, and the diagnosis and snapshot it produced.
import { randomUUID } from 'node:crypto';
import type { OperationResults, ValidatedArgs } from '../../contract/index.js';
import type { AppSession } from '../session.js';
import { summarizeSnapshot } from '../summaries.js';

export function probeHandlers(session: AppSession) {
  return {
    async startProbe(args: ValidatedArgs<'startProbe'>): Promise<OperationResults['startProbe']> {
      if (session.received) session.received = null;
      const probeId = randomUUID();
      return session.exclusive(
        'the check of this computer',
        async (signal) => {
          const snapshot = await session.probe(signal, probeId, args.sections);
          const { diagnosis } = session.runner.adopt(snapshot);
          return { probeId, snapshot: summarizeSnapshot(snapshot), diagnosis };
        },
        probeId,
      );
    },

    async cancelProbe(): Promise<OperationResults['cancelProbe']> {
      return { cancelled: session.cancel('probe') };
    },

    async getDiagnosis(): Promise<OperationResults['getDiagnosis']> {
      const current = session.current();
      return {
        origin: current.origin,
        received: session.received?.origin ?? null,
        snapshot: summarizeSnapshot(current.snapshot),
        diagnosis: current.diagnosis,
      };
    },

    async getSnapshot(): Promise<OperationResults['getSnapshot']> {
      const current = session.current();
      return { origin: current.origin, snapshot: current.snapshot };
    },
  };
}
