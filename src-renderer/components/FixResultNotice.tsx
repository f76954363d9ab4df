// How a fix step ended, in plain words, announced to screen readers.
import { useEffect, useRef } from 'react';
import { messages } from '../messages/index.js';
import { assertNever } from '../wizard/assert-never.js';
import type { FixResult } from '../state/fixes.js';
import { Notice, type NoticeTone } from './Notice.js';
import { PlaceLine } from './Places.js';

const text = messages.fix;

function presentation(result: FixResult): { tone: NoticeTone; headline: string } {
  switch (result.kind) {
    case 'verified':
      return { tone: 'success', headline: text.verified };
    case 'nothing-to-do':
      return { tone: 'success', headline: text.nothingToDo };
    case 'not-verified':
      return { tone: 'warning', headline: text.notVerified };
    case 'awaiting-reboot':
      return { tone: 'info', headline: text.awaitingReboot };
    case 'restarting':
      return { tone: 'info', headline: text.rebootPending };
    case 'restart-later':
      return { tone: 'info', headline: text.restartLater };
    case 'guidance':
      return { tone: 'info', headline: text.guidance };
    case 'declined':
      // The portable build never asks Windows for administrator rights: the screen says why instead.
      return { tone: 'warning', headline: result.portableBuild ? text.portableBuild : text.declined };
    case 'refused':
      return { tone: 'problem', headline: text.refused };
    case 'cancelled':
      return { tone: 'info', headline: text.cancelled };
    case 'failed':
      return { tone: 'problem', headline: text.failedHeadline };
    case 'undone':
      return { tone: 'info', headline: text.undone };
    default:
      return assertNever(result, 'fix result');
  }
}

/** `takeFocus`: the result just arrived (the button that started the step is gone), so the keyboard
 * focus moves here and Tab continues to the next action. */
export function FixResultNotice({ result, takeFocus }: { result: FixResult; takeFocus: boolean }) {
  const { tone, headline } = presentation(result);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (takeFocus) box.current?.focus();
  }, [takeFocus, result]);
  return (
    <div data-testid="fix-result" data-result={result.kind} tabIndex={-1} ref={box} className="fix-result">
      <Notice tone={tone}>
        <strong>{headline}</strong>
        {/* "Restart later" and "installed, Windows must restart" are said once (issue 16, point 7): the main
            process's sentence repeats the headline (the installer's exit code stays in the progress lines). */}
        {result.message && result.message !== headline && result.kind !== 'restart-later' && result.kind !== 'awaiting-reboot' ? <p>{result.message}</p> : null}
        {result.kind === 'awaiting-reboot' && result.message ? (
          <details className="step-details">
            <summary>{text.detailsSummary}</summary>
            <p>{result.message}</p>
          </details>
        ) : null}
        {result.kind === 'declined' && result.adminInstructions && !result.message.includes(result.adminInstructions) ? (
          <>
            <p>{text.adminScriptIntro}</p>
            <p className="mono">{result.adminInstructions}</p>
          </>
        ) : null}
        {/* The administrator script's folder, to copy into an e-mail or open in Explorer (issue 16, point 9). */}
        {result.kind === 'declined' && result.adminFolder ? (
          <p>
            <PlaceLine value={result.adminFolder} what={messages.places.what.adminFolder} folder={result.adminFolder} testId="admin-folder" />
          </p>
        ) : null}
      </Notice>
    </div>
  );
}
