// What people expect from a support tool (issue 16, point 9): a Copy button next to anything they may
// need to read out or paste (a support code, a path, an address, a command), and "Open folder" next to
// a folder the assistant saved something in. Each button says what it copies or opens to a screen
// reader ("Copy (support code)"); the answer appears beside it in a polite live region.
import { useState } from 'react';
import { useActions } from '../app/context.js';
import { messages } from '../messages/index.js';

const text = messages.places;

/** A Copy button for `value`; `what` names it for a screen reader. */
export function CopyButton({ value, what }: { value: string; what: string }) {
  const actions = useActions();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <span className="place-action">
      <button
        type="button"
        className="small-button"
        onClick={() =>
          void actions.copyText(value).then((copied) => {
            setState(copied ? 'copied' : 'failed');
          })
        }
      >
        {text.copy}
        <span className="visually-hidden"> ({what})</span>
      </button>
      <span className="place-status" aria-live="polite">
        {state === 'copied' ? text.copied : state === 'failed' ? text.copyFailed : ''}
      </span>
    </span>
  );
}

/** "Open folder" for a folder the main process vouched for; in the preview it says nothing opens. */
export function OpenFolderButton({ path, what }: { path: string; what: string }) {
  const actions = useActions();
  const [said, setSaid] = useState<string | null>(null);
  return (
    <span className="place-action">
      <button
        type="button"
        className="small-button"
        onClick={() =>
          void actions.openFolder(path).then((answer) => {
            if (!answer.ok) setSaid(text.folderOpenFailed(answer.message));
            else setSaid(answer.value.openedBy === 'none' ? text.folderNotOpened : null);
          })
        }
      >
        {text.openFolder}
        <span className="visually-hidden"> ({what})</span>
      </button>
      <span className="place-status" aria-live="polite">
        {said ?? ''}
      </span>
    </span>
  );
}

/** A path (or an address) as it is, with Copy and, for a folder, Open folder. `showValue` false: the
 * sentence beside it already shows the path (only the buttons). */
export function PlaceLine({ value, what, folder, testId, showValue = true }: { value: string; what: string; folder?: string | null; testId?: string; showValue?: boolean }) {
  return (
    <span className="place" data-testid={testId} data-value={value}>
      {showValue ? (
        <>
          <code className="mono place-value">{value}</code>{' '}
        </>
      ) : null}
      <CopyButton value={value} what={what} />
      {folder ? <OpenFolderButton path={folder} what={what} /> : null}
    </span>
  );
}
