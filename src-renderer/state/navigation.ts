// Which screen the wizard shows; moving between screens is a pure transition on this slice.
import type { WizardStep } from '../wizard/steps.js';
import { createSlice } from './store.js';

export interface NavigationState {
  step: WizardStep;
  /** Screens left by going forward, for "Back" from side screens (report, helpdesk). */
  history: WizardStep[];
}

export function initialNavigation(): NavigationState {
  return { step: { kind: 'welcome' }, history: [] };
}

export function goTo(state: NavigationState, step: WizardStep): NavigationState {
  if (sameStep(state.step, step)) return state;
  return { step, history: [...state.history, state.step].slice(-20) };
}

/** Back to the previous screen; a transient screen (checking, verify) is never returned to. */
export function goBack(state: NavigationState): NavigationState {
  const history = [...state.history];
  while (history.length > 0) {
    const previous = history.pop()!;
    if (previous.kind !== 'checking' && previous.kind !== 'verify' && !sameStep(previous, state.step)) {
      return { step: previous, history };
    }
  }
  return { step: { kind: 'welcome' }, history: [] };
}

export function sameStep(a: WizardStep, b: WizardStep): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export const navigationStore = createSlice(initialNavigation);
