// Moving between screens, "Back" from side screens, the helpdesk code and the report slice.
import { beforeEach, describe, expect, it } from 'vitest';
import { decodeFailed, decodeStarted, decodeSucceeded, editCode, initialHelpdesk, normaliseSupportCode } from '../../../src-renderer/state/helpdesk.js';
import { goBack, goTo, initialNavigation, navigationStore } from '../../../src-renderer/state/navigation.js';
import { exportFinished, exportStarted, initialReport, redactionChosen, redactionPreviewLoaded } from '../../../src-renderer/state/report.js';

describe('navigation slice', () => {
  beforeEach(() => navigationStore.reset());

  it('starts at the welcome screen', () => {
    expect(navigationStore.getState().step).toEqual({ kind: 'welcome' });
  });

  it('goes back past transient screens (checking, verify)', () => {
    let state = goTo(initialNavigation(), { kind: 'checking' });
    state = goTo(state, { kind: 'result' });
    state = goTo(state, { kind: 'report' });
    expect(goBack(state).step).toEqual({ kind: 'result' });
    expect(goBack(goBack(state)).step).toEqual({ kind: 'welcome' });
  });

  it('going to the screen already shown changes nothing', () => {
    const state = goTo(initialNavigation(), { kind: 'result' });
    expect(goTo(state, { kind: 'result' })).toBe(state);
  });
});

describe('helpdesk slice', () => {
  it('normalises what was typed into ACS-XXXX-XXXX form', () => {
    expect(normaliseSupportCode(' acs-7k2p-q9xd ')).toBe('ACS-7K2P-Q9XD');
    expect(normaliseSupportCode('7k2p-q9xd')).toBe('ACS-7K2P-Q9XD');
    expect(normaliseSupportCode('ACS7K2P-Q9XD')).toBe('ACS-7K2P-Q9XD');
    expect(normaliseSupportCode('')).toBe('');
  });

  it('keeps the input when decoding fails and clears the error on the next edit', () => {
    const failed = decodeFailed(decodeStarted(editCode(initialHelpdesk(), 'ACS-BAD')), 'checksum does not match');
    expect(failed).toEqual({ phase: 'editing', input: 'ACS-BAD', error: 'checksum does not match' });
    expect(editCode(failed, 'ACS-BAD1')).toEqual({ phase: 'editing', input: 'ACS-BAD1', error: null });
  });

  it('holds the decoded facts', () => {
    const decoded = decodeSucceeded(decodeStarted(editCode(initialHelpdesk(), 'ACS-1')), { code: 'ACS-1', facts: [{ label: 'Windows', value: '10 21H2' }] });
    expect(decoded.phase).toBe('decoded');
  });
});

describe('report slice', () => {
  it('redacts by default', () => {
    expect(initialReport().redact).toBe(true);
  });

  it('changing the redaction choice makes a finished export stale', () => {
    let state = redactionPreviewLoaded(initialReport(), [{ kind: 'computer', original: 'PC-01', placeholder: 'COMPUTER-1' }]);
    state = exportFinished(exportStarted(state), { folder: '/reports/x', files: [], redacted: true, supportCode: 'ACS-1' });
    const changed = redactionChosen(state, false);
    expect(changed).toMatchObject({ redact: false, exported: null, phase: 'ready' });
  });
});
