// The dispatcher rejects unknown operations, bad or oversized arguments, and turns every failure into
// data; a valid call reaches its handler with the validated argument.
import { describe, expect, it, vi } from 'vitest';
import { argumentBytes, createDispatcher } from '../../../src-main/app/dispatch.js';
import type { HandlerTable } from '../../../src-main/app/handler-types.js';
import { BridgeError, MAX_ARGUMENT_BYTES } from '../../../src-main/contract/index.js';

function tableWith(partial: Partial<Record<keyof HandlerTable, (args: unknown) => Promise<unknown>>>): HandlerTable {
  return new Proxy({} as HandlerTable, {
    get: (_target, name: string) => partial[name as keyof HandlerTable] ?? (async () => ({ called: name })),
  });
}

describe('createDispatcher', () => {
  it('passes the validated argument, with defaults applied, to the handler', async () => {
    const exportReport = vi.fn(async (args: unknown) => args);
    const dispatch = createDispatcher(tableWith({ exportReport }));
    expect(await dispatch('exportReport', {})).toEqual({ ok: true, value: { redact: true, pdf: true, destination: 'default' } });
    expect(await dispatch('getAppInfo', undefined)).toEqual({ ok: true, value: { called: 'getAppInfo' } });
  });

  it('rejects unknown operations, including names inherited from Object', async () => {
    const dispatch = createDispatcher(tableWith({}));
    for (const name of ['formatDisk', 'constructor', '__proto__', 'toString', 42, null]) {
      const outcome = await dispatch(name, {});
      expect(outcome).toMatchObject({ ok: false, code: 'unknown-operation' });
    }
  });

  it('rejects wrong types and extra fields without calling the handler', async () => {
    const previewFix = vi.fn(async () => 'ran');
    const dispatch = createDispatcher(tableWith({ previewFix }));
    expect(await dispatch('previewFix', { stepIndex: 'one' })).toMatchObject({ ok: false, code: 'invalid-argument', message: expect.stringContaining('stepIndex') });
    expect(await dispatch('previewFix', { stepIndex: 0, extra: 1 })).toMatchObject({ ok: false, code: 'invalid-argument' });
    expect(await dispatch('previewFix', 'stepIndex=0')).toMatchObject({ ok: false, code: 'invalid-argument' });
    expect(await dispatch('previewFix', [0])).toMatchObject({ ok: false, code: 'invalid-argument' });
    expect(previewFix).not.toHaveBeenCalled();
  });

  it('rejects oversized payloads before parsing them', async () => {
    const decodeSupportCode = vi.fn(async () => 'ran');
    const dispatch = createDispatcher(tableWith({ decodeSupportCode }));
    const outcome = await dispatch('decodeSupportCode', { code: 'A'.repeat(MAX_ARGUMENT_BYTES + 1) });
    expect(outcome).toMatchObject({ ok: false, code: 'payload-too-large' });
    expect(decodeSupportCode).not.toHaveBeenCalled();
  });

  it('rejects arguments that are not plain data', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(argumentBytes(cyclic)).toBeNull();
    expect(argumentBytes({ big: 1n })).toBeNull();
    const dispatch = createDispatcher(tableWith({}));
    expect(await dispatch('getAppInfo', cyclic)).toMatchObject({ ok: false, code: 'invalid-argument' });
  });

  it('turns a BridgeError into its code and an unexpected exception into "internal"', async () => {
    const log = vi.fn();
    const dispatch = createDispatcher(
      tableWith({
        listPlan: async () => {
          throw new BridgeError('no-snapshot', 'Check first');
        },
        getDiagnosis: async () => {
          throw new TypeError('boom');
        },
      }),
      log,
    );
    expect(await dispatch('listPlan', {})).toEqual({ ok: false, code: 'no-snapshot', message: 'Check first' });
    expect(await dispatch('getDiagnosis', {})).toMatchObject({ ok: false, code: 'internal', message: expect.stringContaining('boom') });
    expect(log).toHaveBeenCalledOnce();
  });
});
