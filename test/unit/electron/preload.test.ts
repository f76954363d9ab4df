// The preload as it ships (preload.cts compiled to CommonJS), run with a fake electron module: it
// exposes exactly the contract's operations plus `on`, invokes one channel per operation, and only
// lets the page listen to the contract's events.
import { readFile } from 'node:fs/promises';
import { runInNewContext } from 'node:vm';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';
import { EVENT_NAMES, OPERATION_NAMES } from '../../../src-main/contract/index.js';

async function loadPreload() {
  const source = await readFile(new URL('../../../src-main/electron/preload.cts', import.meta.url), 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 }, fileName: 'preload.cts' });
  const exposed: Record<string, unknown> = {};
  const listeners = new Map<string, (...args: unknown[]) => void>();
  const ipcRenderer = {
    invoke: vi.fn(async (channel: string, args: unknown) => ({ ok: true, value: { channel, args } })),
    on: vi.fn((channel: string, handler: (...args: unknown[]) => void) => void listeners.set(channel, handler)),
    removeListener: vi.fn((channel: string) => void listeners.delete(channel)),
  };
  const contextBridge = { exposeInMainWorld: vi.fn((key: string, api: unknown) => void (exposed[key] = api)) };
  const required: string[] = [];
  const fakeRequire = (name: string) => {
    required.push(name);
    if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
    return { contextBridge, ipcRenderer };
  };
  const module = { exports: {} };
  runInNewContext(outputText, { require: fakeRequire, module, exports: module.exports, Object, TypeError });
  return { bridge: exposed.acsBridge as Record<string, (...args: unknown[]) => unknown>, exposed, ipcRenderer, listeners, required, contextBridge };
}

describe('preload', () => {
  it('requires only electron and exposes one frozen acsBridge with exactly the contract operations and on()', async () => {
    const { bridge, exposed, required, contextBridge } = await loadPreload();
    expect(required).toEqual(['electron']);
    expect(Object.keys(exposed)).toEqual(['acsBridge']);
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(Object.keys(bridge).sort()).toEqual([...OPERATION_NAMES, 'on'].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('invokes the operation channel with the argument (an empty object when none)', async () => {
    const { bridge, ipcRenderer } = await loadPreload();
    await bridge.previewFix!({ stepIndex: 2 });
    await bridge.getAppInfo!();
    expect(ipcRenderer.invoke.mock.calls).toEqual([
      ['acs:op:previewFix', { stepIndex: 2 }],
      ['acs:op:getAppInfo', {}],
    ]);
  });

  it('subscribes only to contract events, passes the payload without the IPC event, and unsubscribes', async () => {
    const { bridge, listeners, ipcRenderer } = await loadPreload();
    const seen: unknown[] = [];
    const stop = bridge.on!('probe-progress', (payload: unknown) => seen.push(payload)) as () => void;
    listeners.get('acs:event:probe-progress')!({ sender: 'ipc internals' }, { section: 'os' });
    expect(seen).toEqual([{ section: 'os' }]);
    stop();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith('acs:event:probe-progress', expect.any(Function));
    expect(() => bridge.on!('acs:op:applyFix', () => {})).toThrow(/unknown event/);
    expect(() => bridge.on!('__proto__', () => {})).toThrow(/unknown event/);
    for (const name of EVENT_NAMES) expect(() => (bridge.on!(name, () => {}) as () => void)()).not.toThrow();
  });
});
