// "Save a report for the helpdesk": redaction on by default with a preview of what it hides, the
// files written, and the support code large and as a QR code.
import { useState } from 'react';
import { FocusOnMount } from '../components/FocusOnMount.js';
import { useActions, useSlice } from '../app/context.js';
import { DiagnosisSummary } from '../components/DiagnosisSummary.js';
import { CopyButton, PlaceLine } from '../components/Places.js';
import { Notice } from '../components/Notice.js';
import { QrCode } from '../components/QrCode.js';
import { StepHeading } from '../components/StepHeading.js';
import { messages } from '../messages/index.js';
import { reportStore } from '../state/report.js';
import { sessionStore } from '../state/session.js';

const text = messages.report;

export function ReportScreen() {
  const actions = useActions();
  const state = useSlice(reportStore, (s) => s);
  const { redact, replacements, exported } = state;
  const nativeDialogs = useSlice(sessionStore, (s) => s.appInfo?.capabilities.nativeDialogs ?? false);
  const canPdf = useSlice(sessionStore, (s) => s.appInfo?.capabilities.pdf ?? false);
  const diagnosis = useSlice(sessionStore, (s) => s.diagnosis);
  const snapshot = useSlice(sessionStore, (s) => s.snapshot);
  const [pdf, setPdf] = useState<{ tone: 'success' | 'info' | 'problem'; text: string; path?: string; folder?: string } | null>(null);
  async function savePdf() {
    const answer = await actions.saveReportPdf();
    if (!answer.ok) return setPdf({ tone: 'problem', text: text.pdfFailed(answer.message) });
    if (answer.value.status === 'cancelled') return setPdf({ tone: 'info', text: text.pdfCancelled });
    setPdf({ tone: 'success', text: text.pdfSaved(answer.value.path), path: answer.value.path, folder: answer.value.folder });
  }
  return (
    <section aria-labelledby="report-heading" aria-busy={state.phase === 'saving' || state.phase === 'loading-preview'}>
      <StepHeading id="report-heading">{text.heading}</StepHeading>
      <p className="no-print">{text.intro}</p>
      <div className="option">
        <label className="checkbox">
          <input type="checkbox" checked={redact} onChange={(event) => actions.setRedact(event.target.checked)} aria-describedby="redact-hint" />
          <span>{text.redact}</span>
        </label>
        <p id="redact-hint" className="hint">
          {text.redactHint}
        </p>
      </div>
      {redact && replacements ? (
        <div className="no-print">
          <h2>{text.previewHeading}</h2>
          {replacements.length === 0 ? (
            <p>{text.previewEmpty}</p>
          ) : (
            <div className="table-scroll">
              <table className="redaction" data-testid="redaction-preview">
                <thead>
                  <tr>
                    <th scope="col">{text.previewColumns.kind}</th>
                    <th scope="col">{text.previewColumns.original}</th>
                    <th scope="col">{text.previewColumns.placeholder}</th>
                  </tr>
                </thead>
                <tbody>
                  {replacements.map((replacement) => (
                    <tr key={`${replacement.kind}-${replacement.original}`}>
                      <td>{replacement.kind}</td>
                      <td className="mono">{replacement.original}</td>
                      <td className="mono">{replacement.placeholder}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      ) : null}
      <div className="actions">
        <button type="button" className="primary" onClick={() => void actions.exportReport()} disabled={state.phase === 'saving'}>
          {state.phase === 'saving' ? text.saving : text.save}
        </button>
        {nativeDialogs ? (
          <button type="button" onClick={() => void actions.exportReport('choose')} disabled={state.phase === 'saving'}>
            {text.saveElsewhere}
          </button>
        ) : null}
        <button type="button" onClick={() => actions.back()}>
          {messages.common.back}
        </button>
      </div>
      {state.error ? (
        <Notice tone="problem" role="alert">
          {state.error}
        </Notice>
      ) : null}
      <div role="status" aria-live="polite">
        {exported ? (
          <FocusOnMount testId="report-saved">
            <Notice tone="success">
              <strong>{text.saved(exported.folder)}</strong>
              <p>
                <PlaceLine value={exported.folder} what={messages.places.what.reportFolder} folder={exported.folder} testId="report-folder" showValue={false} />
              </p>
              <h2>{text.files}</h2>
              <ul className="files" data-testid="report-files">
                {exported.files.map((file) => (
                  <li key={file.path} className="mono">
                    {file.name}
                  </li>
                ))}
              </ul>
            </Notice>
          </FocusOnMount>
        ) : null}
      </div>
      {exported?.supportCode ? (
        <div className="support-code-panel">
          <h2>{text.supportCodeHeading}</h2>
          <p>{text.supportCodeIntro}</p>
          <p className="support-code" data-testid="support-code">
            {exported.supportCode}
          </p>
          <p className="no-print">
            <CopyButton value={exported.supportCode} what={messages.places.what.supportCode} />
          </p>
          <QrCode text={exported.supportCode} label={text.qrLabel(exported.supportCode)} />
        </div>
      ) : null}
      {exported ? (
        <div className="print-actions no-print" data-testid="print-actions">
          <div className="actions">
            <button type="button" onClick={() => actions.print()} aria-describedby="print-hint">
              {text.print}
            </button>
            {canPdf ? (
              <button type="button" onClick={() => void savePdf()}>
                {text.savePdf}
              </button>
            ) : null}
          </div>
          <p id="print-hint" className="hint">
            {text.printHint}
          </p>
          <div role="status" aria-live="polite" data-testid="pdf-status">
            {pdf ? (
              <Notice tone={pdf.tone}>
                <p>{pdf.text}</p>
                {pdf.path ? <PlaceLine value={pdf.path} what={messages.places.what.pdfPath} folder={pdf.folder ?? null} showValue={false} /> : null}
              </Notice>
            ) : null}
          </div>
        </div>
      ) : null}
      {/* On paper: what the check found, after the support code (the screen's buttons are not printed). */}
      {exported && diagnosis ? (
        <div className="print-only">
          <h2>{text.printSummaryHeading}</h2>
          <DiagnosisSummary diagnosis={diagnosis} snapshot={snapshot} />
        </div>
      ) : null}
    </section>
  );
}
