// The helpdesk screen's state: the support code being typed and what it decodes to.
import type { DecodedSupportCode } from '../../src-main/contract/index.js';
import { createSlice } from './store.js';

/** ACS-XXXX-XXXX as typed: upper-case, spaces dropped, the prefix added when left out. */
export function normaliseSupportCode(input: string): string {
  const compact = input.toUpperCase().replace(/[\s]+/g, '');
  if (compact === '') return '';
  return compact.startsWith('ACS-') || compact.startsWith('ACS') ? compact.replace(/^ACS-?/, 'ACS-') : `ACS-${compact}`;
}

export type HelpdeskState = { phase: 'editing'; input: string; error: string | null } | { phase: 'decoding'; input: string } | { phase: 'decoded'; input: string; summary: DecodedSupportCode };

export function initialHelpdesk(): HelpdeskState {
  return { phase: 'editing', input: '', error: null };
}

export function editCode(_state: HelpdeskState, input: string): HelpdeskState {
  return { phase: 'editing', input, error: null };
}

export function decodeStarted(state: HelpdeskState): HelpdeskState {
  return { phase: 'decoding', input: state.input };
}

export function decodeSucceeded(state: HelpdeskState, summary: DecodedSupportCode): HelpdeskState {
  return { phase: 'decoded', input: state.input, summary };
}

export function decodeFailed(state: HelpdeskState, message: string): HelpdeskState {
  return { phase: 'editing', input: state.input, error: message };
}

export const helpdeskStore = createSlice(initialHelpdesk);
