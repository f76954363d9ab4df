// Helpdesk: type the support code a user reads out, see what it says about their machine.
import { FocusOnMount } from '../components/FocusOnMount.js';
import type { FormEvent } from 'react';
import { useActions, useSlice } from '../app/context.js';
import { Notice } from '../components/Notice.js';
import { StepHeading } from '../components/StepHeading.js';
import { messages } from '../messages/index.js';
import { helpdeskStore } from '../state/helpdesk.js';

const text = messages.helpdesk;

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
