// "What we found": the diagnosis of this computer and the way into the fixes.
import { useActions, useSlice } from '../app/context.js';
import { DiagnosisSummary } from '../components/DiagnosisSummary.js';
import { FixKitPanel } from '../components/FixKitPanel.js';
import { Notice } from '../components/Notice.js';
import { StepHeading } from '../components/StepHeading.js';
import { UpgradeGuide } from '../components/UpgradeGuide.js';
import { messages } from '../messages/index.js';
import { sessionStore } from '../state/session.js';
import { noFixReason } from '../wizard/steps.js';

const text = messages.result;

export function ResultScreen() {
  const actions = useActions();
  const diagnosis = useSlice(sessionStore, (s) => s.diagnosis);
  const snapshot = useSlice(sessionStore, (s) => s.snapshot);
  const origin = useSlice(sessionStore, (s) => (s.received ? 'received' : 'this-machine'));
  if (!diagnosis) return null;
  // Never pretend the app can fix what it cannot: older Windows, or a plan that is only "upgrade".
  const reason = noFixReason(diagnosis);
  const canFix = reason === null;
  return (
    <section aria-labelledby="result-heading">
      <StepHeading id="result-heading">{text.heading}</StepHeading>
      {reason === 'legacy-windows' || reason === 'upgrade-only' ? (
        <div data-testid="no-fix">
          <Notice tone="warning">
            <h2>{reason === 'legacy-windows' ? text.noFix.legacyWindowsHeading(diagnosis.windows?.name ?? '') : text.noFix.upgradeOnlyHeading}</h2>
            <p>{reason === 'legacy-windows' ? text.noFix.legacyWindowsText : text.noFix.upgradeOnlyText}</p>
            {reason === 'upgrade-only' && origin === 'this-machine' ? <UpgradeGuide /> : null}
          </Notice>
        </div>
      ) : null}
      {reason === 'nothing' && diagnosis.verdict !== 'ready' && diagnosis.plan.length > 0 ? (
        <div data-testid="no-fix">
          <Notice tone="warning">
            <h2>{text.noFix.guidanceOnlyHeading}</h2>
            <p>{text.noFix.guidanceOnlyText}</p>
          </Notice>
        </div>
      ) : null}
      <DiagnosisSummary diagnosis={diagnosis} snapshot={snapshot} />
      <FixKitPanel origin={origin} />
      <div className="actions action-bar" data-testid="action-bar">
        {canFix ? (
          <button type="button" className="primary" onClick={() => actions.startFixing()}>
            {text.startFixing}
          </button>
        ) : null}
        <button type="button" className={canFix ? undefined : 'primary'} onClick={() => void actions.openReport()}>
          {text.exportReport}
        </button>
        <button type="button" onClick={() => void actions.startCheck()}>
          {text.checkAgain}
        </button>
      </div>
    </section>
  );
}
