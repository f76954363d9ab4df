// Simulated fix commands (wusa, DISM, certutil -addstore, sc start, restarts, the elevated helper…):
// owned by the fixes area. The dispatcher consults these after the probe's handlers. Each handler
// lives in fix-commands/ and changes the SimulatedMachine the way the real command changes Windows.
import type { SimulatedCommandHandler } from './dispatcher.js';
import { certutilHandler } from './fix-commands/certutil.js';
import { elevationLauncherHandler } from './fix-commands/helper.js';
import { dismHandler, wusaHandler } from './fix-commands/installers.js';
import { scQueryHandler, scStartHandler, shutdownHandler } from './fix-commands/services.js';
import { authenticodeHandler, expandListHandler, whoamiGroupsHandler, windowsUpdateUiHandler } from './fix-commands/shell.js';

export { configureFixSimulation, simulatedFileAccess, SIMULATED_ELEVATED_ENV, type FixSimulationOptions } from './fix-commands/state.js';

export const fixCommandHandlers: SimulatedCommandHandler[] = [
  elevationLauncherHandler,
  authenticodeHandler,
  expandListHandler,
  whoamiGroupsHandler,
  certutilHandler,
  wusaHandler,
  dismHandler,
  scStartHandler,
  scQueryHandler,
  shutdownHandler,
  windowsUpdateUiHandler,
];
