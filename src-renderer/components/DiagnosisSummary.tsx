// The heart of the result screen, shared with the read-only snapshot view: plain-words headline,
// incomplete-check warning, why (findings), what to do (numbered plan) and technical details.
import type { SnapshotSummary } from '../../src-main/contract/index.js';
import type { Diagnosis } from '../../src-main/contract/index.js';
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

export function DiagnosisSummary({
  diagnosis,
  snapshot,
  planHeading = text.planHeading,
}: {
  diagnosis: Diagnosis;
  snapshot: SnapshotSummary | null;
  planHeading?: string;
}) {
  // Sections skipped on purpose (network checks while offline) are not gaps: the findings mention them.
  const gaps = (snapshot?.sectionErrors ?? []).filter((gap) => !gap.message.startsWith('skipped'));
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
          <ul data-testid="section-errors">
            {gaps.map((gap) => (
              <li key={gap.section}>
                {messages.checking.sections[gap.section] ?? gap.section}: {gap.message}
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
      {diagnosis.findings.length > 0 ? (
        <>
          <h2>{text.findingsHeading}</h2>
          <ul className="findings">
            {diagnosis.findings.map((finding) => (
              <li key={finding.id} className={`finding finding-${finding.severity}`}>
                <strong>{finding.title}</strong>
                <p>{finding.explanation}</p>
              </li>
            ))}
          </ul>
        </>
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
                {step.needsReboot ? <span className="badge badge-reboot">{text.stepNeedsReboot}</span> : null}
              </p>
            </li>
          ))}
        </ol>
      )}
      <TechnicalDetails diagnosis={diagnosis} />
    </>
  );
}
