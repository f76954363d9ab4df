// Renderer entry: connect the bridge (Electron preload or the preview's HTTP bridge), create the
// actions, render the wizard, then ask the main process what it is looking at.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { createActions } from './app/actions.js';
import { ActionsContext } from './app/context.js';
import { connectBridge } from './bridge/index.js';
import { LocaleChangeContext } from './components/LanguagePicker.js';
import { initialLocale, locale, setLocale, type Locale } from './messages/index.js';
import { localizeDeep, localizingBridge } from './messages/localize.js';
import { fixesStore } from './state/fixes.js';
import { sessionStore } from './state/session.js';
import './styles/app.css';

// The language first: every text the first screen shows comes from its catalogue.
setLocale(initialLocale());
// The checking list stays on screen at least 0.8 s, ticked off, however fast the check answers.
const actions = createActions(localizingBridge(connectBridge()), undefined, { minCheckingMs: 800 });

/** Re-renders the whole wizard in a new language; the slices keep their state (they live outside React). */
function Root() {
  const [current, setCurrent] = useState(locale);
  const change = (next: Locale) => {
    // What the main process said earlier is rendered again in the new language.
    sessionStore.apply((state) => localizeDeep(state));
    fixesStore.apply((state) => localizeDeep(state));
    setCurrent(next);
  };
  return (
    <LocaleChangeContext.Provider value={change}>
      <App key={current} />
    </LocaleChangeContext.Provider>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <ActionsContext.Provider value={actions}>
      <Root />
    </ActionsContext.Provider>
  </StrictMode>,
);
void actions.boot();
