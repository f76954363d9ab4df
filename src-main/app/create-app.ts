// Builds one app instance: the session, its handler table and the validating dispatcher. Electron's
// main process and the preview server each call this once and only differ in the ShellAdapter.
import { createDispatcher, type Dispatch } from './dispatch.js';
import type { HandlerTable } from './handler-types.js';
import { createHandlerTable } from './handlers/index.js';
import { AppSession, type SessionOptions } from './session.js';

export interface AppInstance {
  session: AppSession;
  handlers: HandlerTable;
  dispatch: Dispatch;
}

export function createApp(options: SessionOptions, log?: (line: string) => void): AppInstance {
  const session = new AppSession(options);
  const handlers = createHandlerTable(session);
  return { session, handlers, dispatch: createDispatcher(handlers, log) };
}
