// One fix step: what and why, restart and administrator notices before anything starts, the offline
// alternative, the exact commands, the consent button, live progress, the verified result and undo.
import { useState } from 'react';
import { useActions, useSlice } from '../app/context.js';
import { FixPreviewDetails } from '../components/FixPreviewDetails.js';
import { FixResultNotice } from '../components/FixResultNotice.js';
import { Notice } from '../components/Notice.js';
import { PlaceLine } from '../components/Places.js';
import { StepHeading } from '../components/StepHeading.js';
import { UpdateFilePicker, wantedUpdate } from '../components/UpdateFilePicker.js';
import { messages } from '../messages/index.js';
import { canContinue, fixesStore } from '../state/fixes.js';
import { isOffline, planSteps, sessionStore } from '../state/session.js';
import { fixPosition } from '../wizard/steps.js';

const text = messages.fix;

/** The Microsoft Update Catalog's search for a KB: to copy and open on a computer with internet. */
function catalogueSearch(kb: string): string {
  return `https://www.catalog.update.microsoft.com/Search.aspx?q=${encodeURIComponent(kb)}`;
}

export function FixScreen({ index }: { index: number }) {
  const actions = useActions();
  const planView = useSlice(sessionStore, (s) => s.plan);
  const diagnosis = useSlice(sessionStore, (s) => s.diagnosis);
  const offline = useSlice(sessionStore, isOffline);
  const run = useSlice(fixesStore, (s) => s.runs[index] ?? null);
  const resumed = useSlice(sessionStore, (s) => s.resumed);
  // A result already there when the screen opened (coming back from the report) does not take the focus.
  const [resultAtOpen] = useState(() => run?.result ?? null);
  const plan = planSteps({ plan: planView, diagnosis });
  const step = plan[index] ?? null;
  const view = planView?.steps.find((candidate) => candidate.index === index) ?? null;
  if (!step) return null;

  // After a restart the fresh plan is shorter: the numbers go on from where the person was.
  const counted = fixPosition(plan, index);
  const offset = resumed?.offset ?? 0;
  const position = counted.position + offset;
  const total = counted.total + offset;
  const restartNotice = resumed && resumed.stepIndex === index && resumed.restarted !== null && !run?.result ? resumed.restarted : null;
  const preview = run?.preview ?? null;
  const phase = run?.phase ?? 'loading';
  const busy = phase === 'applying' || phase === 'verifying' || phase === 'undoing';
  const needsReboot = preview?.needsReboot ?? step.needsReboot;
  const needsAdmin = preview?.needsAdmin ?? step.needsAdmin;
  const started = run?.result != null || busy;
  const isReboot = step.step === 'reboot';
  // The restart is a later step of its own: say so here, and which step does it (issue 16, point 3).
  const laterReboot = isReboot ? -1 : plan.findIndex((other, i) => i > index && other.step === 'reboot');
  const finished = run?.result ?? null;
  // Offline first: an update installs from a local file; without one (and no internet allowed) there
  // is nothing to install yet.
  const missingFile = offline && Boolean(view?.needsUpdateFile) && !(run?.updateFile ?? view?.updateFile);
  const retryable = finished && (finished.kind === 'declined' || finished.kind === 'failed' || finished.kind === 'cancelled' || finished.kind === 'not-verified' || finished.kind === 'undone');

  return (
    <section aria-labelledby="fix-heading" aria-busy={busy} data-step-kind={step.step}>
      <p className="step-position">{text.progress(position, total)}</p>
      <StepHeading id="fix-heading">{step.title}</StepHeading>
      {restartNotice !== null ? (
        <div data-testid="restart-notice" data-restarted={String(restartNotice)}>
          <Notice tone={restartNotice ? 'success' : 'info'}>{restartNotice ? text.rebootDone : text.notRestartedYet}</Notice>
        </div>
      ) : null}

      <h2>{text.whatHeading}</h2>
      {preview ? (
        <ul className="what">
          {preview.whatWillHappen
            .filter((line) => line !== step.why)
            .map((line) => (
              <li key={line}>{line}</li>
            ))}
        </ul>
      ) : phase === 'loading' ? (
        <p role="status">{text.loadingPreview}</p>
      ) : null}
      <h2>{text.whyHeading}</h2>
      <p>{step.why}</p>

      {needsReboot && !started ? (
        laterReboot >= 0 ? (
          <div data-testid="restart-after">
            <Notice tone="info">{text.restartAfter(fixPosition(plan, laterReboot).position + offset, plan[laterReboot]!.title)}</Notice>
          </div>
        ) : (
          <Notice tone="warning">
            <strong>{messages.result.stepNeedsReboot}.</strong> {text.rebootWarning}
          </Notice>
        )
      ) : null}
      {needsAdmin && !started ? <Notice tone="info">{text.adminNotice}</Notice> : null}
      {(preview?.needsNetwork || view?.needsUpdateFile) && offline && !started ? (
        <div className="offline-notice" data-testid="offline-notice">
          <Notice tone="info">
            <span className="badge badge-offline">{text.offlineHeading}</span> {text.offlineText}
            {preview?.offlineAlternative ? <p>{preview.offlineAlternative}</p> : null}
            {step.step === 'install-windows-update' && step.kb ? (
              <p>
                {text.catalogueAddress} <PlaceLine value={catalogueSearch(step.kb)} what={messages.places.what.catalogueAddress} testId="catalogue-address" />
              </p>
            ) : null}
            <p>
              {text.orAllowNetwork}{' '}
              <button type="button" className="link-button" onClick={() => void actions.setNetworkAllowed(true)}>
                {messages.app.allowNetwork}
              </button>
            </p>
          </Notice>
        </div>
      ) : preview?.offlineAlternative && !started ? (
        <p className="offline-alternative">{preview.offlineAlternative}</p>
      ) : null}
      {view?.needsUpdateFile && !started ? (
        <UpdateFilePicker index={index} candidates={run?.candidates ?? null} chosen={run?.updateFile ?? view.updateFile} wanted={wantedUpdate(step, diagnosis?.windows?.architecture)} />
      ) : null}

      {/* A restart's only choice (now or later) is made with the buttons below. */}
      {preview ? <FixPreviewDetails preview={isReboot ? { ...preview, facts: [], blockers: [], ready: true } : preview} /> : null}
      {run?.error ? (
        <Notice tone="problem" role="alert">
          {run.error}
        </Notice>
      ) : null}

      {!finished ? (
        <div className="actions action-bar" data-testid="action-bar">
          <button
            type="button"
            className="primary"
            disabled={!preview || (!preview.ready && !isReboot) || busy || missingFile}
            aria-describedby={missingFile ? 'missing-file' : undefined}
            onClick={() => void (isReboot ? actions.rebootNow(index) : actions.applyFix(index))}
          >
            {text.consent[step.step]}
          </button>
          {isReboot ? (
            <button type="button" onClick={() => void actions.rebootLater(index)} disabled={!preview || busy}>
              {text.rebootLater}
            </button>
          ) : null}
          {!busy ? (
            <button type="button" onClick={() => actions.skipFix(index)} aria-describedby="skip-hint">
              {text.skip}
            </button>
          ) : null}
          {!busy ? (
            <button type="button" onClick={() => actions.backFromFix(index)}>
              {messages.common.back}
            </button>
          ) : null}
          {missingFile ? (
            <p id="missing-file" className="hint">
              {text.localFileMissing} {text.skipNoFileHint}
            </p>
          ) : null}
          <p id="skip-hint" className="hint visually-hidden">
            {text.skipHint}
          </p>
        </div>
      ) : null}

      <div className="progress" role="log" aria-live="polite" aria-label={text.progressLabel}>
        {busy ? <p>{phase === 'verifying' ? text.verifying : text.applying}</p> : null}
        {phase === 'applying' && !isReboot ? (
          <button type="button" onClick={() => void actions.cancelFix()}>
            {text.stop}
          </button>
        ) : null}
        {run && run.progress.length > 0 ? (
          <ol className="progress-lines" aria-label={text.progressLabel}>
            {run.progress.map((event, i) => (
              <li key={i}>
                {event.message}
                {event.percent !== null ? ` (${event.percent}%)` : ''}
              </li>
            ))}
          </ol>
        ) : null}
      </div>

      <div role="status" aria-live="polite">
        {finished && !busy ? <FixResultNotice result={finished} takeFocus={finished !== resultAtOpen} /> : null}
      </div>

      {finished && !busy ? (
        <div className="actions action-bar" data-testid="action-bar">
          {canContinue(run!) ? (
            <button type="button" className="primary" onClick={() => actions.nextAfterFix(index)}>
              {text.next}
            </button>
          ) : null}
          {retryable ? (
            <button type="button" className="primary" onClick={() => void (isReboot ? actions.rebootNow(index) : actions.applyFix(index))} disabled={!preview}>
              {messages.common.tryAgain}
            </button>
          ) : null}
          {finished.kind === 'verified' && (preview?.canUndo || view?.canUndo) ? (
            <button type="button" onClick={() => void actions.undoFix(index)} aria-describedby="undo-note">
              {text.undo}
            </button>
          ) : null}
          {!canContinue(run!) && finished.kind !== 'restarting' ? (
            <button type="button" onClick={() => actions.skipFix(index)} aria-describedby="skip-hint">
              {text.skip}
            </button>
          ) : null}
          <button type="button" onClick={() => actions.backFromFix(index)}>
            {messages.common.back}
          </button>
          <p id="skip-hint" className="hint visually-hidden">
            {text.skipHint}
          </p>
        </div>
      ) : null}
      {finished?.kind === 'verified' && preview?.canUndo ? (
        <p id="undo-note" className="hint">
          {preview.undoNote}
        </p>
      ) : null}
      <div className="secondary-ways">
        <button type="button" className="link-button" onClick={() => void actions.openReport()}>
          {messages.result.exportReport}
        </button>
      </div>
    </section>
  );
}
