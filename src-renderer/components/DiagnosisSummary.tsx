// The heart of the result screen, shared with the read-only snapshot view: plain-words headline,
// incomplete-check warning, why (findings), what to do (numbered plan) and technical details.
import type { SnapshotSummary } from '../../src-main/contract/index.js';
import type { Diagnosis } from '../../src-main/contract/index.js';
import type { Finding } from '../../src-main/contract/index.js';
import { messages } from '../messages/index.js';
import { Notice, type NoticeTone } from './Notice.js';
import { TechnicalDetails } from './TechnicalDetails.js';

const text = messages.result;

const TONE: Record<Diagnosis['verdict'], NoticeTone> = {
  ready: 'success',
  'action-required': 'warning',
  unsupported: 'problem',
  unknown: 'info',
};

/** A finding marked ✓ (fine) or ! (a problem), with the word for screen readers and colour-blind eyes. */
function FindingItem({ finding, problem }: { finding: Finding; problem: boolean }) {
  return (
    <li className={`finding finding-${finding.severity}`}>
      <span className={`mark ${problem ? 'mark-problem' : 'mark-fine'}`} aria-hidden="true">
        {problem ? '!' : '✓'}
      </span>
      <span className="visually-hidden">{problem ? text.markProblem : text.markFine}: </span>
      <strong>{finding.title}</strong>
      <p>{finding.explanation}</p>
    </li>
  );
}

export function DiagnosisSummary({ diagnosis, snapshot, planHeading = text.planHeading }: { diagnosis: Diagnosis; snapshot: SnapshotSummary | null; planHeading?: string }) {
  // Sections skipped on purpose (network checks while offline) are not gaps: the findings mention them.
  const gaps = (snapshot?.sectionErrors ?? []).filter((gap) => !gap.message.startsWith('skipped'));
  // Plain words first: what the collector could not read is the notice above (section names), never a
  // finding quoting internal names and tool output; problems come before good news.
  const shown = diagnosis.findings.filter((finding) => finding.id !== 'collection-errors');
  const problems = shown.filter((finding) => finding.severity !== 'info');
  const fine = shown.filter((finding) => finding.severity === 'info');
  return (
    <>
      <div className={`verdict verdict-${diagnosis.verdict}`} data-testid="verdict">
        <Notice tone={TONE[diagnosis.verdict]}>
          <strong className="verdict-label">{text.verdict[diagnosis.verdict]}</strong>
          <p className="headline" data-testid="headline">
            {diagnosis.headline}
          </p>
        </Notice>
      </div>
      {gaps.length > 0 ? (
        <Notice tone="warning">
          <h2>{text.gapsHeading}</h2>
          <p>{text.gapsIntro}</p>
          <div data-testid="section-errors">
            <ul>
              {gaps.map((gap) => (
                <li key={gap.section}>{messages.checking.sections[gap.section] ?? gap.section}</li>
              ))}
            </ul>
            <details className="gap-details">
              <summary>{text.gapsDetails}</summary>
              <ul>
                {gaps.map((gap) => (
                  <li key={gap.section} className="mono">
                    {gap.section}: {gap.message}
                  </li>
                ))}
              </ul>
            </details>
          </div>
        </Notice>
      ) : null}
      {problems.length > 0 ? (
        <>
          <h2>{text.problemsHeading}</h2>
          <ul className="findings findings-problems" data-testid="findings-problems">
            {problems.map((finding) => (
              <FindingItem key={finding.id} finding={finding} problem />
            ))}
          </ul>
        </>
      ) : null}
      {fine.length > 0 ? (
        <>
          <h2>{text.fineHeading}</h2>
          <ul className="findings findings-fine" data-testid="findings-fine">
            {fine.map((finding) => (
              <FindingItem key={finding.id} finding={finding} problem={false} />
            ))}
          </ul>
        </>
      ) : null}
      {diagnosis.verdict !== 'ready' ? (
        <p className="hint" data-testid="reference">
          {text.reference}
        </p>
      ) : null}
      <h2>{planHeading}</h2>
      {diagnosis.plan.length === 0 ? (
        <p>{text.planEmpty}</p>
      ) : (
        <ol className="plan" data-testid="plan">
          {diagnosis.plan.map((step, index) => (
            <li key={`${step.step}-${index}`} className="plan-step">
              <strong>{step.title}</strong>
              <p>{step.why}</p>
              <p className="badges">
                {step.needsAdmin ? <span className="badge">{text.stepNeedsAdmin}</span> : null}
                {step.needsReboot ? (
                  <span className="badge badge-reboot">{step.step !== 'reboot' && diagnosis.plan.some((other) => other.step === 'reboot') ? text.stepNeedsRestartAfter : text.stepNeedsReboot}</span>
                ) : null}
              </p>
            </li>
          ))}
        </ol>
      )}
      <TechnicalDetails diagnosis={diagnosis} />
    </>
  );
}
