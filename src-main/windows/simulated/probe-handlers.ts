// The simulated commands the probe uses: the collector script, and the built-in tools of the
// locked-down fallback (reg, certutil, sc, wevtutil, wmic, curl).
import type { SimulatedCommandHandler } from './dispatcher.js';
import { powershellProbeHandler } from './powershell-probe.js';

export const probeCommandHandlers: readonly SimulatedCommandHandler[] = [powershellProbeHandler];
