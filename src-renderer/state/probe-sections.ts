// The probe sections in the order the checking screen lists them: the shared names module's list (no
// zod, so the contract's schemas stay out of the renderer bundle).
import { PROBE_SECTIONS, type ProbeSectionName } from '../../src-main/shared/names.js';

export const PROBE_SECTION_ORDER: readonly ProbeSectionName[] = PROBE_SECTIONS;
