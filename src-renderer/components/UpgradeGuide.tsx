// "Open the upgrade guide" for a Windows no update can fix (issue 16, point 10): Settings > Windows
// Update on this computer, or Microsoft's upgrade page in the browser, which goes online and so asks
// first. Where nothing can open (the preview, a simulated machine) it says where the guide is.
import { useState } from 'react';
import { useActions } from '../app/context.js';
import { messages } from '../messages/index.js';
import { FocusOnMount } from './FocusOnMount.js';
import { Notice } from './Notice.js';
import { PlaceLine } from './Places.js';

const text = messages.result.upgradeGuide;

type Said = { kind: 'settings-opened' } | { kind: 'settings-where' } | { kind: 'asking' } | { kind: 'web-opened' } | { kind: 'web-where'; url: string } | { kind: 'failed'; message: string } | null;

export function UpgradeGuide() {
  const actions = useActions();
  const [said, setSaid] = useState<Said>(null);

  async function openSettings() {
    const answer = await actions.openUpgradeGuide('settings');
    if (!answer.ok) return setSaid({ kind: 'failed', message: answer.message });
    setSaid(answer.value.openedBy === 'system' ? { kind: 'settings-opened' } : { kind: 'settings-where' });
  }

  async function openWeb() {
    const answer = await actions.openUpgradeGuide('web');
    if (!answer.ok) return setSaid({ kind: 'failed', message: answer.message });
    setSaid(answer.value.openedBy === 'system' ? { kind: 'web-opened' } : { kind: 'web-where', url: answer.value.url });
  }

  return (
    <div className="upgrade-guide" data-testid="upgrade-guide">
      <div className="actions">
        <button type="button" onClick={() => void openSettings()}>
          {messages.fix.consent['upgrade-windows']}
        </button>
        <button type="button" onClick={() => setSaid({ kind: 'asking' })}>
          {text.openWeb}
        </button>
      </div>
      {said?.kind === 'asking' ? (
        <FocusOnMount testId="upgrade-consent">
          <p>{text.webConsent}</p>
          <div className="actions">
            <button type="button" onClick={() => void openWeb()}>
              {text.webConfirm}
            </button>
            <button type="button" onClick={() => setSaid(null)}>
              {messages.common.cancel}
            </button>
          </div>
        </FocusOnMount>
      ) : null}
      <div role="status" aria-live="polite" data-testid="upgrade-guide-status">
        {said?.kind === 'settings-opened' ? <p>{text.settingsOpened}</p> : null}
        {said?.kind === 'settings-where' ? <p>{text.settingsWhere}</p> : null}
        {said?.kind === 'web-opened' ? <p>{text.webOpened}</p> : null}
        {said?.kind === 'web-where' ? (
          <p>
            {text.webWhere} <PlaceLine value={said.url} what={messages.places.what.upgradePage} testId="upgrade-page" />
          </p>
        ) : null}
        {said?.kind === 'failed' ? <Notice tone="problem">{text.failed(said.message)}</Notice> : null}
      </div>
    </div>
  );
}
