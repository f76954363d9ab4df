// The simulated commands the probe uses: the collector script, and the built-in tools of the
// locked-down fallback (reg, certutil -store listings, sc queryex/qc, wevtutil, wmic, curl). whoami and
// the one-certificate certutil forms are answered by the fixes' handlers.
import type { SimulatedCommandHandler } from './dispatcher.js';
import { powershellProbeHandler } from './powershell-probe.js';
import { certutilHandler } from './tools/certutil.js';
import { curlHandler, systeminfoHandler, wmicHandler, wmicOsHandler } from './tools/misc.js';
import { regHandler } from './tools/registry.js';
import { scQueryHandler } from './tools/sc.js';
import { wevtutilHandler } from './tools/wevtutil.js';

export const probeCommandHandlers: readonly SimulatedCommandHandler[] = [
  powershellProbeHandler,
  regHandler,
  certutilHandler,
  scQueryHandler,
  wevtutilHandler,
  wmicHandler,
  wmicOsHandler,
  systeminfoHandler,
  curlHandler,
];
