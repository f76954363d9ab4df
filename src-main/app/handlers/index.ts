// The handler table: one function per contract operation, shared by Electron IPC and the preview.
import type { HandlerTable } from '../handler-types.js';
import type { AppSession } from '../session.js';
import { infoHandlers } from './info.js';
import { planHandlers } from './plan.js';
import { probeHandlers } from './probe.js';
import { reportHandlers } from './report.js';
import { restartHandlers } from './restart.js';
import { kitHandlers } from './kit.js';
import { placesHandlers } from './places.js';

export function createHandlerTable(session: AppSession): HandlerTable {
  return {
    ...infoHandlers(session),
    ...probeHandlers(session),
    ...planHandlers(session),
    ...restartHandlers(session),
    ...reportHandlers(session),
    ...kitHandlers(session),
    ...placesHandlers(session),
  };
}
