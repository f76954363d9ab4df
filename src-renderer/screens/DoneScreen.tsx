// The end: the check after the fixes says whether the agent's services run; if not, what is left.
// "Close the assistant" closes the window (in the preview it says the tab can be closed).
import { useState, type ReactNode } from 'react';
import { useActions, useSlice } from '../app/context.js';
import { Notice } from '../components/Notice.js';
import { StepHeading } from '../components/StepHeading.js';
import { UpgradeGuide } from '../components/UpgradeGuide.js';
import { messages } from '../messages/index.js';
import { sessionStore } from '../state/session.js';
import { isActionable, noFixReason } from '../wizard/steps.js';

const text = messages.done;

export function DoneScreen() {
  const actions = useActions();
  const diagnosis = useSlice(sessionStore, (s) => s.diagnosis);
  const skipped = useSlice(sessionStore, (s) => s.skipped);
  if (!diagnosis) return null;
  const ready = diagnosis.verdict === 'ready';
  const services = diagnosis.agentServices.services;
  // What remains is what the fresh check still plans; steps the person skipped are marked as such.
  const reason = noFixReason(diagnosis);
  const remaining = ready ? [] : diagnosis.plan.filter(isActionable);
  const skippedKinds = new Set(skipped.map((step) => step.kind));
  const canContinueFixing = remaining.length > 0 && reason === null;
  // What is left only a person can do (contact support, upgrade Windows, an older Windows): said so, with
  // those steps, instead of "Some problems remain" (issue 16, point 10).
  const guidanceOnly = !ready && reason !== null && diagnosis.plan.length > 0;
  const guidanceText =
    reason === 'upgrade-only' ? messages.result.noFix.upgradeOnlyText : reason === 'legacy-windows' ? messages.result.noFix.legacyWindowsText : messages.result.noFix.guidanceOnlyText;
  if (guidanceOnly) {
    return (
      <section aria-labelledby="done-heading" data-testid="done-guidance">
        <StepHeading id="done-heading">{text.guidanceHeading}</StepHeading>
        <Notice tone="info">
          <p className="headline" data-testid="headline">
            {diagnosis.headline}
          </p>
          <p>{guidanceText}</p>
          {reason === 'upgrade-only' ? <UpgradeGuide /> : null}
        </Notice>
        <h2>{messages.result.planHeading}</h2>
        <ol className="plan" data-testid="guidance-steps">
          {diagnosis.plan.map((step, i) => (
            <li key={`${step.step}-${i}`}>
              <strong>{step.title}</strong>
              <p>{step.why}</p>
            </li>
          ))}
        </ol>
        <EndActions reportPrimary />
      </section>
    );
  }
  return (
    <section aria-labelledby="done-heading">
      <StepHeading id="done-heading">{ready ? text.heading : text.stillBroken}</StepHeading>
      <Notice tone={ready ? 'success' : 'warning'}>
        <p className="headline" data-testid="headline">
          {diagnosis.headline}
        </p>
        {ready ? <p>{text.text}</p> : <p>{text.stillBrokenText}</p>}
      </Notice>
      {remaining.length > 0 ? (
        <>
          <h2>{text.remainingHeading}</h2>
          <ul className="remaining" data-testid="remaining">
            {remaining.map((step, i) => (
              <li key={`${step.step}-${i}`} data-skipped={skippedKinds.has(step.step) ? 'true' : undefined}>
                <strong>{step.title}</strong>
                {skippedKinds.has(step.step) ? <> ({text.skippedByYou})</> : null}
                <p>{step.why}</p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {services.length > 0 ? (
        <>
          <h2>{text.servicesHeading}</h2>
          <ul className="services" data-testid="services">
            {services.map((service) => (
              <li key={service.name} className={`service service-${service.status}`}>
                <strong>{service.displayName}</strong>: {service.state}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <EndActions reportPrimary={ready}>
        {canContinueFixing ? (
          <button type="button" className="primary" onClick={() => actions.startFixing()}>
            {text.continueFixing}
          </button>
        ) : null}
        {!ready ? (
          <button type="button" className={canContinueFixing ? undefined : 'primary'} onClick={() => actions.go({ kind: 'result' })}>
            {text.seeResult}
          </button>
        ) : null}
      </EndActions>
    </section>
  );
}

/** The end's action bar: the screen's own buttons first, then the report, start over and close (with its notice in the preview). */
function EndActions({ reportPrimary, children }: { reportPrimary: boolean; children?: ReactNode }) {
  const actions = useActions();
  const [closeRefused, setCloseRefused] = useState(false);
  return (
    <>
      <div className="actions action-bar" data-testid="action-bar">
        {children}
        <button type="button" className={reportPrimary ? 'primary' : undefined} onClick={() => void actions.openReport()}>
          {messages.result.exportReport}
        </button>
        <button type="button" onClick={() => actions.startOver()}>
          {messages.common.startOver}
        </button>
        <button type="button" onClick={() => void actions.closeWindow().then((closed) => setCloseRefused(!closed))}>
          {text.close}
        </button>
      </div>
      <div role="status" aria-live="polite" data-testid="close-status">
        {closeRefused ? <Notice tone="info">{text.closePreview}</Notice> : null}
      </div>
    </>
  );
}
