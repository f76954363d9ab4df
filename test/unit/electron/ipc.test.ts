// IPC registration: one channel per operation; a call from another window, a subframe or a foreign
// page is refused; arguments are validated by the shared dispatcher.
import { describe, expect, it, vi } from 'vitest';
import type { IpcMain } from 'electron';
import { createDispatcher } from '../../../src-main/app/dispatch.js';
import type { HandlerTable } from '../../../src-main/app/handler-types.js';
import { OPERATION_NAMES } from '../../../src-main/contract/index.js';
import { eventChannel, isTrustedSender, registerIpc } from '../../../src-main/electron/ipc.js';

type Invoke = (event: unknown, ...args: unknown[]) => Promise<unknown>;

function register(log: (line: string) => void = () => {}) {
  const channels = new Map<string, Invoke>();
  const ipcMain = { handle: (channel: string, handler: Invoke) => void channels.set(channel, handler) } as unknown as Pick<IpcMain, 'handle'>;
  const previewFix = vi.fn(async (args: unknown) => ({ previewed: args }));
  const handlers = new Proxy({} as HandlerTable, { get: (_t, name) => (name === 'previewFix' ? previewFix : async () => ({})) });
  registerIpc(ipcMain, createDispatcher(handlers, log), () => 7, log);
  return { channels, previewFix };
}

const appFrame = { url: 'app://acs/index.html', parent: null };
const event = (frame: unknown, id = 7) => ({ sender: { id }, senderFrame: frame });

describe('registerIpc', () => {
  it('registers exactly one channel per contract operation', () => {
    const { channels } = register();
    expect([...channels.keys()].sort()).toEqual(OPERATION_NAMES.map((name) => `acs:op:${name}`).sort());
    expect(eventChannel('probe-progress')).toBe('acs:event:probe-progress');
  });

  it('dispatches a call from the app window with a validated argument', async () => {
    const { channels, previewFix } = register();
    expect(await channels.get('acs:op:previewFix')!(event(appFrame), { stepIndex: 1 })).toEqual({ ok: true, value: { previewed: { stepIndex: 1 } } });
    expect(previewFix).toHaveBeenCalledOnce();
  });

  it('refuses other windows, subframes, foreign pages and missing frames', async () => {
    const { channels, previewFix } = register();
    const invoke = channels.get('acs:op:previewFix')!;
    for (const bad of [
      event(appFrame, 8),
      event({ url: 'app://acs/index.html', parent: appFrame }),
      event({ url: 'https://evil.example/', parent: null }),
      event({ url: 'file:///C:/app/index.html', parent: null }),
      event({ url: 'app://other/index.html', parent: null }),
      event(null),
    ]) {
      expect(await invoke(bad, { stepIndex: 1 })).toMatchObject({ ok: false, code: 'forbidden' });
    }
    expect(previewFix).not.toHaveBeenCalled();
  });

  it('logs every refused call, with the operation and the reason', async () => {
    const lines: string[] = [];
    const { channels } = register((line) => lines.push(line));
    const invoke = channels.get('acs:op:previewFix')!;
    await invoke(event({ url: 'https://evil.example/', parent: null }), { stepIndex: 1 });
    await invoke(event(appFrame), { stepIndex: 'x' });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/refused IPC previewFix: not from the app window \(frame https:\/\/evil\.example\/\)/);
    expect(lines[1]).toMatch(/refused call: invalid-argument: previewFix/);
  });

  it('rejects bad arguments and extra positional arguments as data', async () => {
    const { channels } = register();
    const invoke = channels.get('acs:op:previewFix')!;
    expect(await invoke(event(appFrame), { stepIndex: 1, shell: 'cmd' })).toMatchObject({ ok: false, code: 'invalid-argument' });
    expect(await invoke(event(appFrame), { stepIndex: 1 }, 'second')).toMatchObject({ ok: false, code: 'invalid-argument' });
  });

  it('trusts the app page without a window id check only when none is expected', () => {
    expect(isTrustedSender(event(appFrame, 99) as never, null)).toBe(true);
    expect(isTrustedSender(event(appFrame, 99) as never, 7)).toBe(false);
  });
});
