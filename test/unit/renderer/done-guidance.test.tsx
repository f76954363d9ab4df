// Issue 16, point 10: a plan that only a person can carry out (contact support, upgrade Windows) does
// not end in "Some problems remain": the done screen says what is left is for a person, lists those
// steps, offers the report first, and for an upgrade the upgrade guide.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WizardActions } from '../../../src-renderer/app/actions.js';
import { ActionsContext } from '../../../src-renderer/app/context.js';
import { messages } from '../../../src-renderer/messages/index.js';
import { DoneScreen } from '../../../src-renderer/screens/DoneScreen.js';
import { ResultScreen } from '../../../src-renderer/screens/ResultScreen.js';
import { diagnosed, sessionStore } from '../../../src-renderer/state/session.js';
import { diagnosisWith, servicesStep, supportStep } from './fixtures.js';

const upgradeStep = { ...supportStep, step: 'upgrade-windows' as const, title: 'Upgrade Windows', why: 'No update exists for this version.' };

function render(screen: typeof DoneScreen | typeof ResultScreen): string {
  return renderToStaticMarkup(createElement(ActionsContext.Provider, { value: {} as WizardActions }, createElement(screen)));
}

describe('a plan only a person can carry out', () => {
  beforeEach(() => {
    sessionStore.reset();
    // Rendered on the "server" (no DOM here): zustand reads the store's initial state there, so it is the current one.
    vi.spyOn(sessionStore, 'getInitialState').mockImplementation(() => sessionStore.getState());
  });
  afterEach(() => vi.restoreAllMocks());

  it('done: "what is left is for a person", the steps, the report first; not "Some problems remain"', () => {
    sessionStore.apply(diagnosed, diagnosisWith([supportStep]), null);
    const html = render(DoneScreen);
    expect(html).toContain(messages.done.guidanceHeading);
    expect(html).not.toContain(messages.done.stillBroken);
    expect(html).toContain(supportStep.title);
    expect(html).toContain(messages.result.noFix.guidanceOnlyText);
    expect(html).not.toContain(messages.done.continueFixing);
    expect(html).toMatch(new RegExp(`class="primary"[^>]*>${messages.result.exportReport}`));
  });

  it('done after an upgrade-only plan: the upgrade guide is offered', () => {
    sessionStore.apply(diagnosed, diagnosisWith([upgradeStep], 'unsupported'), null);
    const html = render(DoneScreen);
    expect(html).toContain(messages.done.guidanceHeading);
    expect(html).toContain(messages.fix.consent['upgrade-windows']);
    expect(html).toContain(messages.result.upgradeGuide.openWeb);
  });

  it('steps the assistant can still do keep "Some problems remain" and Continue fixing', () => {
    sessionStore.apply(diagnosed, diagnosisWith([servicesStep, supportStep]), null);
    const html = render(DoneScreen);
    expect(html).toContain(messages.done.stillBroken);
    expect(html).toContain(messages.done.continueFixing);
  });

  it('result: no Start fixing for a support-only plan, and it says why', () => {
    sessionStore.apply(diagnosed, diagnosisWith([supportStep]), null);
    const html = render(ResultScreen);
    expect(html).not.toContain(messages.result.startFixing);
    expect(html).toContain(messages.result.noFix.guidanceOnlyHeading);
  });
});
