// "Checking this computer": the probe's sections ticking off with elapsed time; cancellable.
import { useEffect, useRef } from 'react';
import { useActions, useSlice } from '../app/context.js';
import { Notice } from '../components/Notice.js';
import { ProbeProgressList } from '../components/ProbeProgressList.js';
import { StepHeading } from '../components/StepHeading.js';
import { messages } from '../messages/index.js';
import { checkingStore } from '../state/checking.js';

const text = messages.checking;

export function CheckingScreen({ heading = text.heading, intro = text.intro }: { heading?: string; intro?: string }) {
  const actions = useActions();
  const phase = useSlice(checkingStore, (s) => s.phase);
  const error = useSlice(checkingStore, (s) => s.error);
  const retry = useRef<HTMLButtonElement>(null);
  const stopped = phase === 'cancelled' || phase === 'failed';
  // "Stop checking" disappears when the check stops: the focus goes to "Try again" instead of nowhere.
  useEffect(() => {
    if (stopped) retry.current?.focus();
  }, [stopped]);
  return (
    <section aria-labelledby="checking-heading" aria-busy={phase === 'running' || phase === 'cancelling'}>
      <StepHeading id="checking-heading">{heading}</StepHeading>
      <p>{intro}</p>
      <ProbeProgressList />
      {phase === 'cancelled' ? (
        <Notice tone="info" role="status">
          {text.cancelled}
        </Notice>
      ) : null}
      {phase === 'failed' && error ? (
        <Notice tone="problem" role="alert">
          {text.failed(error)}
        </Notice>
      ) : null}
      {phase === 'done' ? (
        <p role="status" data-testid="checking-finished">
          {text.finished}
        </p>
      ) : null}
      {/* Done: the list stays a moment (the minimum time on screen), then the next screen opens by itself. */}
      <div className="actions">
        {phase === 'done' ? null : phase === 'running' || phase === 'cancelling' ? (
          <button type="button" onClick={() => void actions.cancelCheck()} disabled={phase === 'cancelling'}>
            {phase === 'cancelling' ? text.cancelling : text.cancel}
          </button>
        ) : (
          <>
            <button type="button" className="primary" ref={retry} onClick={() => void actions.startCheck()}>
              {messages.common.tryAgain}
            </button>
            <button type="button" onClick={() => actions.startOver()}>
              {messages.common.startOver}
            </button>
          </>
        )}
      </div>
    </section>
  );
}
