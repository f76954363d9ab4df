// "What we found": the diagnosis of this computer and the way into the fixes.
import { useActions, useSlice } from '../app/context.js';
import { DiagnosisSummary } from '../components/DiagnosisSummary.js';
import { StepHeading } from '../components/StepHeading.js';
import { messages } from '../messages/index.js';
import { sessionStore } from '../state/session.js';
import { isActionable } from '../wizard/steps.js';

const text = messages.result;

export function ResultScreen() {
  const actions = useActions();
  const diagnosis = useSlice(sessionStore, (s) => s.diagnosis);
  const snapshot = useSlice(sessionStore, (s) => s.snapshot);
  if (!diagnosis) return null;
  const canFix = diagnosis.plan.some(isActionable);
  return (
    <section aria-labelledby="result-heading">
      <StepHeading id="result-heading">{text.heading}</StepHeading>
      <DiagnosisSummary diagnosis={diagnosis} snapshot={snapshot} />
      <div className="actions">
        {canFix ? (
          <button type="button" className="primary" onClick={() => actions.startFixing()}>
            {text.startFixing}
          </button>
        ) : null}
        <button type="button" onClick={() => void actions.openReport()}>
          {text.exportReport}
        </button>
        <button type="button" onClick={() => void actions.startCheck()}>
          {text.checkAgain}
        </button>
      </div>
    </section>
  );
}
