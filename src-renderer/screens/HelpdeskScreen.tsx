// Helpdesk: type the support code a user reads out, see what it says about their machine.
import { FocusOnMount } from '../components/FocusOnMount.js';
import type { FormEvent } from 'react';
import type { SupportAdvice, SupportNextStep } from '../../src-main/contract/index.js';
import { useActions, useSlice } from '../app/context.js';
import { Notice } from '../components/Notice.js';
import { StepHeading } from '../components/StepHeading.js';
import { messages } from '../messages/index.js';
import { helpdeskStore } from '../state/helpdesk.js';

const text = messages.helpdesk;

/** What is missing on the caller's computer, in one sentence or two (issue 16, point 12). */
function missingLines(advice: SupportAdvice): string[] {
  const lines: string[] = [];
  const update = advice.missingUpdate;
  if (advice.next.includes('upgrade-windows')) return [text.missingUpgrade];
  if (update?.installed) lines.push(text.updateWaiting(update.kb));
  else if (update)
    lines.push(update.minimumBuild ? text.missingUpdateBuild(update.kb, update.minimumBuild) : advice.appRunsThere === false ? text.missingRollup(update.kb) : text.missingUpdate(update.kb));
  else if (advice.next.includes('install-update')) lines.push(text.missingUpdateUnknown);
  if (advice.next.includes('install-root')) lines.push(text.missingRoot);
  if (advice.next.includes('unblock-root')) lines.push(text.blockedRoot);
  return lines.length > 0 ? lines : [text.missingNothing];
}

/** The next thing to tell the caller, for one step (on Windows the assistant cannot run on, the field kit does it). */
function nextLine(step: SupportNextStep, advice: SupportAdvice): string {
  const kit = advice.appRunsThere === false;
  const kb = advice.missingUpdate?.kb ?? null;
  switch (step) {
    case 'install-update':
      return kb ? (kit ? text.next['install-update-kit'](kb) : text.next['install-update'](kb)) : text.next['install-update-unnamed'];
    case 'install-root':
      return kit ? text.next['install-root-kit'] : text.next['install-root'];
    case 'start-agent':
      return kit ? text.next['start-agent-kit'] : text.next['start-agent'];
    default:
      return text.next[step];
  }
}

export function HelpdeskScreen() {
  const actions = useActions();
  const state = useSlice(helpdeskStore, (s) => s);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void actions.decodeSupportCode();
  };
  return (
    <section aria-labelledby="helpdesk-heading">
      <StepHeading id="helpdesk-heading">{text.heading}</StepHeading>
      <p id="code-hint">{text.intro}</p>
      <form onSubmit={submit} className="code-form">
        <label htmlFor="support-code-input">{text.inputLabel}</label>
        <input
          id="support-code-input"
          type="text"
          className="code-input mono"
          autoComplete="off"
          spellCheck={false}
          value={state.input}
          aria-describedby="code-hint"
          aria-invalid={state.phase === 'editing' && state.error !== null}
          onChange={(event) => actions.editSupportCode(event.target.value)}
        />
        <button type="submit" className="primary" disabled={state.phase === 'decoding' || state.input.trim() === ''}>
          {text.decode}
        </button>
      </form>
      {state.phase === 'editing' && state.error ? (
        <Notice tone="problem" role="alert">
          {text.invalid(state.error)}
        </Notice>
      ) : null}
      <div role="status" aria-live="polite">
        {state.phase === 'decoded' ? (
          <FocusOnMount key={state.summary.code} testId="decoded">
            <h2>{text.summaryHeading}</h2>
            <p className="support-code">{state.summary.code}</p>
            <dl className="facts" data-testid="decoded-facts">
              {state.summary.facts.map((fact) => (
                <div key={fact.label} className="fact">
                  <dt>{fact.label}</dt>
                  <dd>{fact.value}</dd>
                </div>
              ))}
            </dl>
            {state.summary.advice ? (
              <div className="decode-advice" data-testid="decoded-advice">
                <h2>{text.missingHeading}</h2>
                <ul data-testid="decoded-missing">
                  {missingLines(state.summary.advice).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
                <h2>{text.nextHeading}</h2>
                <ol data-testid="decoded-next">
                  {state.summary.advice.next.map((step) => (
                    <li key={step}>{nextLine(step, state.summary.advice!)}</li>
                  ))}
                </ol>
              </div>
            ) : null}
          </FocusOnMount>
        ) : null}
      </div>
      <div className="actions">
        <button type="button" onClick={() => actions.back()}>
          {messages.common.back}
        </button>
      </div>
    </section>
  );
}
