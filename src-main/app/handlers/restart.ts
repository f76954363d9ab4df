// Restarting Windows (now, or later by the person) and picking the plan up again afterwards: the
// fixes module reads the journal and checks the restart took effect; a fresh check gives the plan.
import { randomUUID } from 'node:crypto';
import { BridgeError, type OperationResults, type ValidatedArgs } from '../../contract/index.js';
import type { PlanStep } from '../../diagnosis/schema.js';
import { planView } from '../plan-state.js';
import type { AppSession } from '../session.js';

const REBOOT_STEP: PlanStep = {
  step: 'reboot',
  title: 'Restart Windows',
  why: 'The installed change takes effect when Windows starts again.',
  needsAdmin: false,
  needsReboot: true,
};

export function restartHandlers(session: AppSession) {
  return {
    async reboot({ when }: ValidatedArgs<'reboot'>): Promise<OperationResults['reboot']> {
      const machine = session.writable();
      const index = machine.plan.findIndex((record) => record.step.step === 'reboot' && record.state !== 'verified');
      const step = index >= 0 ? machine.plan[index]!.step : REBOOT_STEP;
      const remainingPlan = machine.plan.slice(index + 1).filter((record) => record.state !== 'verified').map((record) => record.step);
      const fix = index >= 0 ? session.fixFor(index) : session.services.createFix(step, session.fixContext());
      const started = Date.now();
      const outcome = await session.exclusive('the restart', (signal) =>
        fix.apply({
          rebootWhen: when,
          remainingPlan,
          signal,
          onProgress: (progress) =>
            session.events.emit('fix-progress', { stepIndex: Math.max(index, 0), action: 'reboot', message: progress.message, percent: null, elapsedMs: Date.now() - started }),
        }),
      );
      if (outcome.status !== 'reboot-required' && outcome.status !== 'succeeded') throw new BridgeError('failed', outcome.message);
      const record = index >= 0 ? machine.plan[index] : undefined;
      if (record) {
        record.state = 'awaiting-reboot';
        record.lastMessage = outcome.message;
      }
      return { when, message: outcome.message, restarted: when === 'now' && session.host.capabilities.restartsInPlace };
    },

    async resumeAfterRestart(): Promise<OperationResults['resumeAfterRestart']> {
      if (session.received) throw new BridgeError('read-only', 'Close the received snapshot before resuming work on this computer.');
      const point = await session.services.findResumePoint({ journal: session.journal });
      if (!point) return { resumed: false, reason: 'No restart was waiting to be continued.' };
      const probeId = randomUUID();
      return session.exclusive(
        'the check after the restart',
        async (signal) => {
          const snapshot = await session.probe(signal, probeId);
          const diagnosis = session.services.diagnose(snapshot);
          const machine = session.adoptDiagnosis(snapshot, diagnosis);
          const resumed = await session.services.resumeAfterRestart(session.fixContext());
          const plan = planView(machine.plan, false);
          const restart = resumed?.outcome.verification?.message ?? 'Windows restarted.';
          const next = plan.nextStepIndex === null ? 'The check finds nothing left to do.' : `Next: "${plan.steps[plan.nextStepIndex]!.step.title}".`;
          return { resumed: true, stepIndex: plan.nextStepIndex, message: `${restart} ${next}`, diagnosis, plan };
        },
        probeId,
      );
    },
  };
}
