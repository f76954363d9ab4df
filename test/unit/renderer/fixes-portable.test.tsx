// Issue 11: the portable build performs no elevated fix itself; the fix screen says why in its own words
// (message catalogue), not "Windows did not get permission".
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ApplyOutcome } from '../../../src-main/contract/index.js';
import { FixResultNotice } from '../../../src-renderer/components/FixResultNotice.js';
import { messages } from '../../../src-renderer/messages/index.js';
import { applyFinished, applyStarted, previewLoaded, previewRequested, initialFixes, runOf } from '../../../src-renderer/state/fixes.js';
import { planViewOf, previewOf, updateStep } from './fixtures.js';

const plan = planViewOf([updateStep]);
const declined = (extra: Partial<ApplyOutcome>): ApplyOutcome => ({
  stepIndex: 0,
  state: 'failed',
  status: 'declined',
  message: 'why',
  rebootRequired: false,
  commands: [],
  adminInstructions: 'Run run-as-administrator.cmd as administrator',
  plan,
  ...extra,
});
const ready = () => previewLoaded(previewRequested(initialFixes(), 0), 0, previewOf(0, updateStep));

describe('the portable build on the fix screen', () => {
  it('a step declined because this is the portable build carries that reason', () => {
    const run = runOf(applyFinished(applyStarted(ready(), 0), 0, declined({ adminReason: 'portable-build' })), 0);
    expect(run.result).toEqual({ kind: 'declined', message: 'why', adminInstructions: 'Run run-as-administrator.cmd as administrator', portableBuild: true });
    const prompt = runOf(applyFinished(applyStarted(ready(), 0), 0, declined({ adminReason: 'prompt-declined' })), 0);
    expect(prompt.result).toEqual({ kind: 'declined', message: 'why', adminInstructions: 'Run run-as-administrator.cmd as administrator' });
  });

  it("the notice's headline says why (portable build), from the message catalogue", () => {
    const html = renderToStaticMarkup(createElement(FixResultNotice, { result: { kind: 'declined', message: 'why', adminInstructions: 'x', portableBuild: true }, takeFocus: false }));
    expect(html).toContain(messages.fix.portableBuild.slice(0, 40));
    expect(html).not.toContain(messages.fix.declined.slice(0, 30));
    const plain = renderToStaticMarkup(createElement(FixResultNotice, { result: { kind: 'declined', message: 'why', adminInstructions: 'x' }, takeFocus: false }));
    expect(plain).toContain(messages.fix.declined.slice(0, 30));
  });
});
