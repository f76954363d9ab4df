// The checking list: lines tick per probe section, unknown sections are appended, cancel and finish.
import { beforeEach, describe, expect, it } from 'vitest';
import { applySectionProgress, checkingStore, finishChecking, initialChecking, requestCancel, startChecking, tickChecking, unfinishedSections } from '../../../src-renderer/state/checking.js';
import { PROBE_SECTION_ORDER } from '../../../src-renderer/state/probe-sections.js';

const started = () => startChecking(initialChecking(), ['host', 'os', 'events']);

describe('checking slice', () => {
  beforeEach(() => checkingStore.reset());

  it('lists every section as waiting when the check starts', () => {
    const state = started();
    expect(state.phase).toBe('running');
    expect(state.lines.map((line) => [line.section, line.status])).toEqual([
      ['host', 'waiting'],
      ['os', 'waiting'],
      ['events', 'waiting'],
    ]);
  });

  it('ticks a section off when its progress arrives, keeping the others', () => {
    let state = applySectionProgress(started(), { section: 'os', status: 'started', elapsedMs: 5 });
    state = applySectionProgress(state, { section: 'os', status: 'done', elapsedMs: 40 });
    expect(state.lines[1]).toEqual({ section: 'os', status: 'done', elapsedMs: 40, message: null });
    expect(state.lines[0]?.status).toBe('waiting');
    expect(state.elapsedMs).toBe(40);
    expect(state.lastEvent?.status).toBe('done');
  });

  it('keeps the failure message of a section that timed out, and reports it as unfinished', () => {
    const state = applySectionProgress(started(), { section: 'events', status: 'failed', elapsedMs: 8000, message: 'timed out after 8 s' });
    expect(state.lines[2]?.message).toBe('timed out after 8 s');
    expect(unfinishedSections(state).map((line) => line.section)).toEqual(['events']);
  });

  it('appends a section the list did not know about', () => {
    const state = applySectionProgress(started(), { section: 'extra', status: 'done', elapsedMs: 1 });
    expect(state.lines.map((line) => line.section)).toEqual(['host', 'os', 'events', 'extra']);
  });

  it('ignores progress after a cancelled or failed check, but takes late events after success', () => {
    const cancelled = finishChecking(started(), { kind: 'cancelled' });
    expect(applySectionProgress(cancelled, { section: 'os', status: 'done', elapsedMs: 1 })).toBe(cancelled);
    const done = finishChecking(started(), { kind: 'done' });
    expect(applySectionProgress(done, { section: 'os', status: 'done', elapsedMs: 7 }).lines[1]?.elapsedMs).toBe(7);
  });

  it('when the snapshot arrives, unfinished lines settle: listed errors fail, skipped parts do not, the rest are done', () => {
    const running = applySectionProgress(started(), { section: 'host', status: 'done', elapsedMs: 3 });
    const done = finishChecking(running, {
      kind: 'done',
      sectionErrors: [
        { section: 'events', message: 'timed out after 8000 ms' },
        { section: 'os', message: 'skipped: network checks are off' },
      ],
    });
    expect(done.lines.map((line) => [line.section, line.status, line.message])).toEqual([
      ['host', 'done', null],
      ['os', 'done', null],
      ['events', 'failed', 'timed out after 8000 ms'],
    ]);
  });

  it('never lets the elapsed time run backwards', () => {
    const state = tickChecking(tickChecking(started(), 500), 300);
    expect(state.elapsedMs).toBe(500);
  });

  it('goes running -> cancelling -> cancelled, and cancel is ignored when not running', () => {
    const cancelling = requestCancel(started());
    expect(cancelling.phase).toBe('cancelling');
    expect(finishChecking(cancelling, { kind: 'cancelled' }).phase).toBe('cancelled');
    expect(requestCancel(initialChecking()).phase).toBe('idle');
  });

  it('keeps the reason when the check fails', () => {
    const failed = finishChecking(started(), { kind: 'failed', message: 'PowerShell missing' });
    expect(failed).toMatchObject({ phase: 'failed', error: 'PowerShell missing' });
  });

  it('lists the probe sections in the contract order', () => {
    expect(PROBE_SECTION_ORDER[0]).toBe('host');
    expect(PROBE_SECTION_ORDER).toHaveLength(11);
    expect(PROBE_SECTION_ORDER.at(-1)).toBe('bootConfiguration');
  });

  it('store applies transitions and resets to the initial state', () => {
    checkingStore.apply(startChecking, ['host']);
    expect(checkingStore.getState().phase).toBe('running');
    checkingStore.reset();
    expect(checkingStore.getState()).toEqual(initialChecking());
  });
});
