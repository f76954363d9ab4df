// What a decoded support code means for the helpdesk, as catalogue messages (advice.* in
// src-main/shared/i18n/catalogues): what is missing on the caller's computer, and what to tell the caller
// next, in order. The facts come from src-main/support-code/advice.ts (adviseSupportSummary); the app's
// helpdesk screen and `acs-assistant decode` both say them through this one function.
import type { MessageRef } from './i18n/format.js';

/** The facts of SupportAdvice this needs (src-main/support-code/advice.ts), without importing it. */
export interface SupportAdviceFacts {
  missingUpdate: { kb: string; minimumBuild: string | null; installed: boolean } | null;
  next: readonly string[];
  appRunsThere: boolean | null;
}

const ref = (id: string, params?: MessageRef['params']): MessageRef => (params ? { id, params } : { id }) as MessageRef;

export function supportAdviceMessages(advice: SupportAdviceFacts): { missing: MessageRef[]; next: MessageRef[] } {
  return { missing: missing(advice), next: advice.next.map((step) => nextStep(step, advice)) };
}

function missing(advice: SupportAdviceFacts): MessageRef[] {
  if (advice.next.includes('upgrade-windows')) return [ref('advice.missing.upgrade')];
  const lines: MessageRef[] = [];
  const update = advice.missingUpdate;
  if (update?.installed) lines.push(ref('advice.missing.updateWaiting', { kb: update.kb }));
  else if (update?.minimumBuild) lines.push(ref('advice.missing.updateBuild', { kb: update.kb, build: update.minimumBuild }));
  else if (update) lines.push(ref(advice.appRunsThere === false ? 'advice.missing.rollup' : 'advice.missing.update', { kb: update.kb }));
  else if (advice.next.includes('install-update')) lines.push(ref('advice.missing.updateUnknown'));
  if (advice.next.includes('install-root')) lines.push(ref('advice.missing.root'));
  if (advice.next.includes('unblock-root')) lines.push(ref('advice.missing.rootBlocked'));
  return lines.length > 0 ? lines : [ref('advice.missing.nothing')];
}

/** One step; on Windows the assistant cannot run on, the field kit does it. */
function nextStep(step: string, advice: SupportAdviceFacts): MessageRef {
  const kit = advice.appRunsThere === false;
  const kb = advice.missingUpdate?.kb ?? null;
  switch (step) {
    case 'install-update':
      return kb ? ref(kit ? 'advice.next.install-update-kit' : 'advice.next.install-update', { kb }) : ref('advice.next.install-update-unnamed');
    case 'install-root':
      return ref(kit ? 'advice.next.install-root-kit' : 'advice.next.install-root');
    case 'start-agent':
      return ref(kit ? 'advice.next.start-agent-kit' : 'advice.next.start-agent');
    default:
      return ref(`advice.next.${step}`);
  }
}
