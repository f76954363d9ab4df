// Probing again after the fixes, with the same ticking list as the first check.
import { useActions, useSlice } from '../app/context.js';
import { Notice } from '../components/Notice.js';
import { ProbeProgressList } from '../components/ProbeProgressList.js';
import { StepHeading } from '../components/StepHeading.js';
import { messages } from '../messages/index.js';
import { checkingStore } from '../state/checking.js';

const text = messages.verify;

export function VerifyScreen() {
  const actions = useActions();
  const phase = useSlice(checkingStore, (s) => s.phase);
  const error = useSlice(checkingStore, (s) => s.error);
  const running = phase === 'running' || phase === 'cancelling';
  return (
    <section aria-labelledby="verify-heading" aria-busy={running}>
      <StepHeading id="verify-heading">{text.heading}</StepHeading>
      <p>{text.intro}</p>
      <ProbeProgressList />
      {phase === 'failed' && error ? (
        <Notice tone="problem" role="alert">
          {messages.checking.failed(error)}
        </Notice>
      ) : null}
      {phase === 'cancelled' ? (
        <Notice tone="info" role="status">
          {messages.checking.cancelled}
        </Notice>
      ) : null}
      {phase === 'done' ? (
        <p role="status" data-testid="checking-finished">
          {messages.checking.finished}
        </p>
      ) : null}
      <div className="actions">
        {phase === 'done' ? null : running ? (
          <button type="button" onClick={() => void actions.cancelCheck()} disabled={phase === 'cancelling'}>
            {phase === 'cancelling' ? messages.checking.cancelling : messages.checking.cancel}
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => void actions.verifyAll()}>
            {messages.common.tryAgain}
          </button>
        )}
      </div>
    </section>
  );
}
