// The probe sections in the order the checking screen lists them, as a runtime list that does not
// pull the contract's zod schemas into the bundle; the Record type keeps it complete and exact.
import type { ProbeSection } from '../../src-main/contract/index.js';

const order: Record<ProbeSection, number> = {
  host: 0,
  os: 1,
  hotfixes: 2,
  certificates: 3,
  rootAutoUpdate: 4,
  services: 5,
  signatures: 6,
  events: 7,
  products: 8,
  pendingReboot: 9,
  bootConfiguration: 10,
};

export const PROBE_SECTION_ORDER = (Object.keys(order) as ProbeSection[]).sort((a, b) => order[a] - order[b]);
