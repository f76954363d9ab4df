// What the welcome screen needs (version, machine, offline state, resume point) and opening
// allow-listed documentation links.
import { BridgeError, type OperationResults, type ResumePoint, type ValidatedArgs } from '../../contract/index.js';
import { message, renderMessage } from '../../shared/i18n/index.js';
import { PROGRAM_VERSION } from '../../version.js';
import { allowedExternalLink } from '../links.js';
import type { AppSession } from '../session.js';

export const PRODUCT_NAME = 'ACS Support Assistant';

async function resumePoint(session: AppSession): Promise<ResumePoint | null> {
  try {
    const restart = await session.services.findResumePoint({ journal: session.journal });
    if (restart) {
      const next = restart.remainingPlan[0];
      const title = next?.titleMessage ?? message('fix.resume.checkAfterRestart');
      return { stepIndex: null, stepKind: next?.step ?? 'reboot', title: next?.title ?? renderMessage(title, 'en'), titleMessage: title, since: restart.reboot.time };
    }
    const unfinished = await session.journal.unfinished();
    const latest = unfinished[unfinished.length - 1];
    if (!latest) return null;
    const index = session.thisMachine?.plan.findIndex((record) => record.step.step === latest.started.step) ?? -1;
    return { stepIndex: index >= 0 ? index : null, stepKind: latest.started.step, title: latest.message, titleMessage: latest.messageRef, since: latest.started.time };
  } catch {
    return null;
  }
}

export function infoHandlers(session: AppSession) {
  return {
    async getAppInfo(): Promise<OperationResults['getAppInfo']> {
      const shell = session.shell;
      return {
        productName: PRODUCT_NAME,
        version: PROGRAM_VERSION,
        shell: shell.kind,
        host: session.host.view,
        offline: session.offline,
        received: session.received?.origin ?? null,
        readOnly: session.received !== null,
        resume: session.received ? null : await resumePoint(session),
        capabilities: { pdf: typeof shell.printPdf === 'function', nativeDialogs: shell.kind === 'electron', reboot: true },
      };
    },

    async allowNetwork({ allowed }: ValidatedArgs<'allowNetwork'>): Promise<OperationResults['allowNetwork']> {
      session.runner.allowNetwork(allowed);
      return { offline: session.offline };
    },

    async openExternalLink({ url }: ValidatedArgs<'openExternalLink'>): Promise<OperationResults['openExternalLink']> {
      const allowed = allowedExternalLink(url);
      if (!allowed) throw new BridgeError('link-not-allowed', 'Only Microsoft and Trend Micro documentation pages (https) can be opened from the app.');
      return { url: allowed, openedBy: await session.shell.openExternal(allowed) };
    },
  };
}
