// What a fix step will do, from its preview: facts, safety checks, blockers and the exact commands.
import type { FixPreview } from '../../src-main/contract/index.js';
import { messages } from '../messages/index.js';
import { CopyButton } from './Places.js';

const text = messages.fix;

export function FixPreviewDetails({ preview }: { preview: FixPreview }) {
  const failed = preview.checks.filter((check) => !check.passed).length;
  // A failed check is said once (issue 16, point 7): as the reason the step cannot start. The checks list
  // behind "Show the details" still has it; the warnings repeat only what is not a blocker already.
  const blockers = preview.ready ? [] : preview.blockers;
  const warnings = preview.warnings.filter((warning) => !blockers.includes(warning));
  return (
    <>
      {/* Plain words first: facts (thumbprints, files) and passed checks are on demand; a failed check is shown. */}
      {preview.facts.length > 0 || preview.checks.length > 0 ? (
        <details className="step-details" open={failed > 0 && blockers.length === 0}>
          <summary>
            {text.detailsSummary}
            {preview.checks.length > 0 ? ` (${text.checksSummary(preview.checks.length - failed, preview.checks.length)})` : ''}
          </summary>
          {preview.facts.length > 0 ? (
            <dl className="facts" data-testid="fix-facts">
              {preview.facts.map((fact) => (
                <div key={fact.label} className="fact">
                  <dt>{fact.label}</dt>
                  <dd className="mono">{fact.value}</dd>
                </div>
              ))}
            </dl>
          ) : null}
          {preview.checks.length > 0 ? (
            <>
              <h2>{text.checksHeading}</h2>
              <ul className="checks">
                {preview.checks.map((check) => (
                  <li key={check.id} className={check.passed ? 'check-passed' : 'check-failed'}>
                    <span className="check-label">{check.passed ? text.checkPassed : text.checkFailed}</span> {check.message}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </details>
      ) : null}
      {warnings.length > 0 ? (
        <ul className="warnings">
          {warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      ) : null}
      {blockers.length > 0 ? (
        <div className="blockers" data-testid="blockers">
          <p>{text.blockersIntro}</p>
          <ul>
            {blockers.map((blocker) => (
              <li key={blocker}>{blocker}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {preview.commands.length > 0 ? (
        <details className="commands">
          <summary>{text.commandsSummary}</summary>
          <p>{text.commandsIntro}</p>
          <ol>
            {preview.commands.map((command, i) => (
              <li key={i}>
                <code>{command.display}</code> <CopyButton value={command.display} what={messages.places.what.command(String(i + 1))} />
                <span className="command-purpose">
                  {command.purpose}
                  {command.elevated ? ` (${text.elevated})` : ''}
                </span>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </>
  );
}
