// First screen: what the assistant does, the one main button, and the ways in for helpdesk staff
// and for resuming after a restart.
import { useActions, useSlice } from '../app/context.js';
import { StepHeading } from '../components/StepHeading.js';
import { messages } from '../messages/index.js';
import { sessionStore } from '../state/session.js';

const text = messages.welcome;

export function WelcomeScreen() {
  const actions = useActions();
  const resume = useSlice(sessionStore, (s) => s.appInfo?.resume ?? null);
  const nativeDialogs = useSlice(sessionStore, (s) => s.appInfo?.capabilities.nativeDialogs ?? false);
  if (resume) {
    return (
      <section aria-labelledby="welcome-heading">
        <StepHeading id="welcome-heading">{text.resumeHeading}</StepHeading>
        <p>{text.resumeCheck(resume.title)}</p>
        <div className="actions">
          <button type="button" className="primary" onClick={() => void actions.resume()}>
            {text.resume}
          </button>
        </div>
      </section>
    );
  }
  return (
    <section aria-labelledby="welcome-heading">
      <StepHeading id="welcome-heading">{text.heading}</StepHeading>
      <p className="lead">{text.intro}</p>
      <p>{text.nothingChanges}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={() => void actions.startCheck()}>
          {text.start}
        </button>
      </div>
      <div className="secondary-ways">
        <div>
          <button type="button" className="link-button" onClick={() => void actions.openReceived()} aria-describedby="open-snapshot-hint">
            {text.openSnapshot}
          </button>
          {nativeDialogs ? (
            <>
              {' · '}
              <button type="button" className="link-button" onClick={() => void actions.openReceived(undefined, true)}>
                {text.openReportFolder}
              </button>
            </>
          ) : null}
          <p id="open-snapshot-hint" className="hint">
            {text.openSnapshotHint}
          </p>
        </div>
        <div>
          <button type="button" className="link-button" onClick={() => actions.go({ kind: 'helpdesk' })}>
            {text.helpdesk}
          </button>
        </div>
      </div>
    </section>
  );
}
