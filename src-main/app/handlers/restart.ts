// Restarting Windows (now, or later by the person) and picking the plan up again afterwards: the
// fixes module reads the journal and checks the restart took effect; a fresh check gives the plan.
import { randomUUID } from 'node:crypto';
import { BridgeError, type OperationResults, type ValidatedArgs } from '../../contract/index.js';
import { planView } from '../../plan-runner/index.js';
import type { AppSession } from '../session.js';

export function restartHandlers(session: AppSession) {
  return {
    async reboot({ when }: ValidatedArgs<'reboot'>): Promise<OperationResults['reboot']> {
      const runner = session.writable();
      const index = runner.current().plan.findIndex((record) => record.step.step === 'reboot' && record.state !== 'verified');
      const started = Date.now();
      const { outcome, restartedInPlace } = await session.exclusive('the restart', (signal) =>
        runner.restart(when, {
          signal,
          onProgress: (message) => session.events.emit('fix-progress', { stepIndex: Math.max(index, 0), action: 'reboot', message, percent: null, elapsedMs: Date.now() - started }),
        }),
      );
      return { when, message: outcome.message, restarted: restartedInPlace };
    },

    async resumeAfterRestart(): Promise<OperationResults['resumeAfterRestart']> {
      if (session.received) throw new BridgeError('read-only', 'Close the received snapshot before resuming work on this computer.');
      const point = await session.runner.findResumePoint();
      if (!point) return { resumed: false, reason: 'No restart was waiting to be continued.' };
      const probeId = randomUUID();
      return session.exclusive(
        'the check after the restart',
        async (signal) => {
          const machine = session.runner.adopt(await session.probe(signal, probeId));
          const resumed = await session.runner.resumeAfterRestart();
          const plan = planView(machine.plan, false);
          const restart = resumed?.outcome.verification?.message ?? 'Windows restarted.';
          const next = plan.nextStepIndex === null ? 'The check finds nothing left to do.' : `Next: "${plan.steps[plan.nextStepIndex]!.step.title}".`;
          // A restart happened only if Windows started again since it was chosen (its boot time changed).
          const details = point.reboot.details ?? {};
          const before = typeof details['lastBootUpTime'] === 'string' ? details['lastBootUpTime'] : null;
          const now = (machine.snapshot.os as { lastBootUpTime?: string | null }).lastBootUpTime ?? null;
          const restarted = before !== null && now !== null ? before !== now : null;
          const stepsBefore = typeof details['stepsBefore'] === 'number' ? details['stepsBefore'] : null;
          return { resumed: true, stepIndex: plan.nextStepIndex, message: `${restart} ${next}`, diagnosis: machine.diagnosis, plan, restarted, stepsBefore };
        },
        probeId,
      );
    },
  };
}
