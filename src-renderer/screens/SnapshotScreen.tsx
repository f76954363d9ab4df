// "Open a snapshot": someone else's machine, read-only, marked with whose machine and when.
import { useActions, useSlice } from '../app/context.js';
import { DiagnosisSummary } from '../components/DiagnosisSummary.js';
import { FixKitPanel } from '../components/FixKitPanel.js';
import { Notice } from '../components/Notice.js';
import { StepHeading } from '../components/StepHeading.js';
import { messages } from '../messages/index.js';
import { sessionStore } from '../state/session.js';
import { noFixReason } from '../wizard/steps.js';
import { formatDateTime } from './format.js';

const text = messages.snapshot;

export function SnapshotScreen() {
  const actions = useActions();
  const received = useSlice(sessionStore, (s) => s.received);
  const diagnosis = useSlice(sessionStore, (s) => s.diagnosis);
  const snapshot = useSlice(sessionStore, (s) => s.snapshot);
  const candidates = useSlice(sessionStore, (s) => s.receivedCandidates);
  const openError = useSlice(sessionStore, (s) => s.receivedError);

  if (!received || !diagnosis) {
    return (
      <section aria-labelledby="snapshot-heading">
        <StepHeading key="choose" id="snapshot-heading">
          {text.chooseHeading}
        </StepHeading>
        <p>{messages.welcome.openSnapshotHint}</p>
        {openError ? (
          <Notice tone="problem" role="alert">
            {text.openFailed(openError)}
          </Notice>
        ) : null}
        {candidates && candidates.length > 0 ? (
          <ul className="candidates" aria-label={text.fileLabel}>
            {candidates.map((file) => (
              <li key={file.path}>
                <button type="button" onClick={() => void actions.openReceived(file.path)}>
                  {file.name}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p>{text.noCandidates}</p>
        )}
        {candidates && candidates.some((file) => file.sizeBytes === null) ? <p className="hint">{text.folderHint}</p> : null}
        <div className="actions">
          <button type="button" onClick={() => actions.startOver()}>
            {messages.common.back}
          </button>
        </div>
      </section>
    );
  }

  const computer = received.computerName ?? text.unknownComputer;
  return (
    <section aria-labelledby="snapshot-heading" data-read-only="true">
      {/* Its own key: the heading of the opened snapshot takes the focus again (issue 16, point 6). */}
      <StepHeading key="opened" id="snapshot-heading">
        {text.heading(computer)}
      </StepHeading>
      <div data-testid="read-only-banner">
        <Notice tone="info">
          <strong>{text.readOnly}</strong> {text.banner(computer, formatDateTime(received.collectedAt), received.sourceName)}
        </Notice>
      </div>
      {noFixReason(diagnosis) === 'legacy-windows' ? (
        <div data-testid="no-fix">
          <Notice tone="warning">
            <h2>{messages.result.noFix.legacyWindowsHeading(diagnosis.windows?.name ?? '')}</h2>
            <p>{messages.result.noFix.legacyWindowsText}</p>
          </Notice>
        </div>
      ) : null}
      <DiagnosisSummary diagnosis={diagnosis} snapshot={snapshot} planHeading={text.planReadOnly} />
      <FixKitPanel origin="received" />
      <div className="actions">
        <button type="button" onClick={() => void actions.openReport()}>
          {messages.result.exportReport}
        </button>
        <button type="button" className="primary" onClick={() => void actions.closeReceived()}>
          {text.close}
        </button>
      </div>
    </section>
  );
}
