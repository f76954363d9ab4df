// Restarting Windows (now, or later by the person) and picking the plan up again afterwards: the
// fixes module reads the journal and checks the restart took effect; a fresh check gives the plan.
import { randomUUID } from 'node:crypto';
import { BridgeError, type OperationResults, type ValidatedArgs } from '../../contract/index.js';
import { planView } from '../../plan-runner/index.js';
import type { AppSession } from '../session.js';
import { message, renderMessage, type MessageRef } from '../../shared/i18n/index.js';

export function restartHandlers(session: AppSession) {
  return {
    async reboot({ when, language }: ValidatedArgs<'reboot'>): Promise<OperationResults['reboot']> {
      const runner = session.writable();
      const index = runner.current().plan.findIndex((record) => record.step.step === 'reboot' && record.state !== 'verified');
      const started = Date.now();
      const { outcome, restartedInPlace } = await session.exclusive('the restart', (signal) =>
        runner.restart(when, {
          signal,
          ...(language ? { language } : {}),
          onProgress: (text, messageRef) =>
            session.events.emit('fix-progress', {
              stepIndex: Math.max(index, 0),
              action: 'reboot',
              message: text,
              ...(messageRef ? { messageRef } : {}),
              percent: null,
              elapsedMs: Date.now() - started,
            }),
        }),
      );
      return { when, message: outcome.message, ...(outcome.messageRef ? { messageRef: outcome.messageRef } : {}), restarted: restartedInPlace };
    },

    async resumeAfterRestart(): Promise<OperationResults['resumeAfterRestart']> {
      if (session.received) throw new BridgeError('read-only', 'Close the received snapshot before resuming work on this computer.');
      const point = await session.runner.findResumePoint();
      if (!point) {
        const reason = message('fix.resume.none');
        return { resumed: false, reason: renderMessage(reason, 'en'), reasonMessage: reason };
      }
      const probeId = randomUUID();
      return session.exclusive(
        'the check after the restart',
        async (signal) => {
          const machine = session.runner.adopt(await session.probe(signal, probeId));
          const resumed = await session.runner.resumeAfterRestart();
          const plan = planView(machine.plan, false);
          const restart: MessageRef = resumed?.outcome.verification?.messageRef ?? message('fix.resume.restarted');
          const nextStep = plan.nextStepIndex === null ? null : plan.steps[plan.nextStepIndex]!.step;
          const next = nextStep ? message('fix.resume.next', { title: nextStep.titleMessage ?? nextStep.title }) : message('fix.resume.nothingLeft');
          const said = message('sentence.pair', { first: restart, second: next });
          // A restart happened only if Windows started again since it was chosen (its boot time changed).
          const details = point.reboot.details ?? {};
          const before = typeof details['lastBootUpTime'] === 'string' ? details['lastBootUpTime'] : null;
          const now = (machine.snapshot.os as { lastBootUpTime?: string | null }).lastBootUpTime ?? null;
          const restarted = before !== null && now !== null ? before !== now : null;
          const stepsBefore = typeof details['stepsBefore'] === 'number' ? details['stepsBefore'] : null;
          return { resumed: true, stepIndex: plan.nextStepIndex, message: renderMessage(said, 'en'), messageRef: said, diagnosis: machine.diagnosis, plan, restarted, stepsBefore };
        },
        probeId,
      );
    },
  };
}
