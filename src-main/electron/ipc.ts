// Registers one IPC channel per contract operation. Each call is checked first: it must come from the
// app's own window and its main frame on the app:// origin; then the shared dispatcher validates it.
import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import type { Dispatch } from '../app/dispatch.js';
import { EVENT_CHANNEL_PREFIX, OPERATION_CHANNEL_PREFIX, OPERATION_NAMES, failWith } from '../contract/index.js';
import { isAppUrl } from './app-protocol.js';

/** The main frame of the app's window, showing the app's page. Anything else is refused. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, expectedContentsId: number | null): boolean {
  const frame: WebFrameMain | null = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  if (expectedContentsId !== null && event.sender.id !== expectedContentsId) return false;
  return isAppUrl(frame.url);
}

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch, trustedContentsId: () => number | null, log: (line: string) => void = () => {}): void {
  for (const operation of OPERATION_NAMES) {
    ipcMain.handle(`${OPERATION_CHANNEL_PREFIX}${operation}`, async (event, ...args: unknown[]) => {
      if (!isTrustedSender(event, trustedContentsId())) {
        log(`refused IPC ${operation}: not from the app window (frame ${String(event.senderFrame?.url ?? 'none').slice(0, 80)})`);
        return failWith('forbidden', 'This request does not come from the app window.');
      }
      if (args.length > 1) {
        log(`refused IPC ${operation}: ${args.length} arguments`);
        return failWith('invalid-argument', `${operation} takes one argument.`);
      }
      return dispatch(operation, args[0]);
    });
  }
}

export function eventChannel(name: string): string {
  return `${EVENT_CHANNEL_PREFIX}${name}`;
}
