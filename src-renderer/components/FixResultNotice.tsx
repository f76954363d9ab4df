// How a fix step ended, in plain words, announced to screen readers.
import { messages } from '../messages/index.js';
import { assertNever } from '../wizard/assert-never.js';
import type { FixResult } from '../state/fixes.js';
import { Notice, type NoticeTone } from './Notice.js';

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
      return { tone: 'warning', headline: text.declined };
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

export function FixResultNotice({ result }: { result: FixResult }) {
  const { tone, headline } = presentation(result);
  return (
    <div data-testid="fix-result" data-result={result.kind}>
      <Notice tone={tone}>
        <strong>{headline}</strong>
        {result.message && result.message !== headline ? <p>{result.message}</p> : null}
        {result.kind === 'declined' && result.adminInstructions && !result.message.includes(result.adminInstructions) ? (
          <>
            <p>{text.adminScriptIntro}</p>
            <p className="mono">{result.adminInstructions}</p>
          </>
        ) : null}
      </Notice>
    </div>
  );
}
