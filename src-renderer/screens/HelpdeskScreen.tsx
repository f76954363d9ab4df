// Helpdesk: type the support code a user reads out, see what it says about their machine.
import { FocusOnMount } from '../components/FocusOnMount.js';
import type { FormEvent } from 'react';
import type { MessageId, MessageRef } from '../../src-main/shared/i18n/index.js';
import { supportAdviceMessages } from '../../src-main/shared/support-advice.js';
import { useActions, useSlice } from '../app/context.js';
import { Notice } from '../components/Notice.js';
import { StepHeading } from '../components/StepHeading.js';
import { messages, t } from '../messages/index.js';
import { helpdeskStore } from '../state/helpdesk.js';

const text = messages.helpdesk;

/** A helpdesk advice message (src-main/shared/support-advice.ts) in the wizard's language. */
const say = (ref: MessageRef) => t(ref.id as MessageId, ref.params);

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
                <h2>{t('advice.missingHeading')}</h2>
                <ul data-testid="decoded-missing">
                  {supportAdviceMessages(state.summary.advice).missing.map((ref) => (
                    <li key={ref.id}>{say(ref)}</li>
                  ))}
                </ul>
                <h2>{t('advice.nextHeading')}</h2>
                <ol data-testid="decoded-next">
                  {supportAdviceMessages(state.summary.advice).next.map((ref) => (
                    <li key={ref.id}>{say(ref)}</li>
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
