// `fix --plan` in the chosen language: the step's title and why come from the diagnosis's messages;
// what a fix does, its facts, checks and blockers from the fix's own messages (src-main/fixes/outcome-text.ts).
import type { PlanStep } from '../diagnosis/schema.js';
import { formatPreview } from '../fixes/outcome-text.js';
import type { FixDescription, FixPreview } from '../fixes/types.js';
import type { Locale } from '../shared/i18n/index.js';

export function formatPlanPreview(index: number, step: PlanStep, description: FixDescription, preview: FixPreview, locale: Locale): string {
  const withStepTexts: FixDescription = {
    ...description,
    ...(step.titleMessage ? { titleMessage: step.titleMessage } : {}),
    ...(step.whyMessage ? { whyMessage: step.whyMessage } : {}),
  };
  return formatPreview(index, withStepTexts, preview, locale);
}
