// The window: header (product, offline and demo indicators), the current screen chosen by an
// exhaustive switch over the wizard's steps, and the skip link for keyboard users.
import { useActions, useSlice } from './app/context.js';
import { ErrorBoundary } from './components/ErrorBoundary.js';
import { AboutScreen } from './screens/AboutScreen.js';
import { LanguagePicker } from './components/LanguagePicker.js';
import { messages } from './messages/index.js';
import { CheckingScreen } from './screens/CheckingScreen.js';
import { DoneScreen } from './screens/DoneScreen.js';
import { FixScreen } from './screens/FixScreen.js';
import { HelpdeskScreen } from './screens/HelpdeskScreen.js';
import { ProblemScreen } from './screens/ProblemScreen.js';
import { ReportScreen } from './screens/ReportScreen.js';
import { ResultScreen } from './screens/ResultScreen.js';
import { SnapshotScreen } from './screens/SnapshotScreen.js';
import { VerifyScreen } from './screens/VerifyScreen.js';
import { WelcomeScreen } from './screens/WelcomeScreen.js';
import { navigationStore } from './state/navigation.js';
import { isOffline, sessionStore } from './state/session.js';
import { assertNever } from './wizard/assert-never.js';
import { stepKey, type WizardStep } from './wizard/steps.js';

function Screen({ step }: { step: WizardStep }) {
  switch (step.kind) {
    case 'welcome':
      return <WelcomeScreen />;
    case 'checking':
      return <CheckingScreen />;
    case 'result':
      return <ResultScreen />;
    case 'fix':
      return <FixScreen index={step.index} />;
    case 'verify':
      return <VerifyScreen />;
    case 'done':
      return <DoneScreen />;
    case 'report':
      return <ReportScreen />;
    case 'helpdesk':
      return <HelpdeskScreen />;
    case 'about':
      return <AboutScreen />;
    case 'snapshot':
      return <SnapshotScreen />;
    case 'problem':
      return <ProblemScreen message={step.reason === 'no-access' ? messages.errors.noAccess : step.message} />;
    default:
      return assertNever(step, 'wizard step');
  }
}

export function App() {
  const step = useSlice(navigationStore, (s) => s.step);
  const host = useSlice(sessionStore, (s) => s.appInfo?.host ?? null);
  const receivedOpen = useSlice(sessionStore, (s) => s.received !== null);
  const offline = useSlice(sessionStore, isOffline);
  const connected = useSlice(sessionStore, (s) => s.appInfo !== null);
  const actions = useActions();
  return (
    <>
      <a className="skip-link" href="#main">
        {messages.app.skipToContent}
      </a>
      <header className="app-header">
        <span className="product">{messages.app.title}</span>
        <span className="network">
          {offline ? (
            <span className="badge badge-offline" title={messages.app.offlineBadgeHint} data-testid="offline-badge">
              {messages.app.offlineBadge}
              <span className="visually-hidden">: {messages.app.offlineBadgeHint}</span>
            </span>
          ) : (
            <span className="badge badge-online" data-testid="online-badge">
              {messages.app.onlineBadge}
            </span>
          )}
          {connected ? (
            <button type="button" className="link-button" onClick={() => void actions.setNetworkAllowed(offline)}>
              {offline ? messages.app.allowNetwork : messages.app.workOffline}
            </button>
          ) : null}
        </span>
        <span className="header-end">
          {connected ? (
            <button type="button" className="link-button about-link" onClick={() => actions.go({ kind: 'about' })} aria-current={step.kind === 'about' ? 'page' : undefined}>
              {messages.about.open}
            </button>
          ) : null}
          <LanguagePicker />
        </span>
      </header>
      {host?.kind === 'simulated' ? (
        <p className="demo-banner" data-testid="demo-banner">
          {step.kind === 'snapshot' && receivedOpen ? messages.app.simulatedHostBehindSnapshot : messages.app.simulatedHost(host.title)}
        </p>
      ) : null}
      <main id="main" data-step={step.kind}>
        <ErrorBoundary key={stepKey(step)}>
          <Screen step={step} />
        </ErrorBoundary>
      </main>
    </>
  );
}
