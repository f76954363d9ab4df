// Turns the fixes module's preview into what the "what will happen" card shows (the options a step
// runs with are the plan runner's: src-main/plan-runner/runner.ts optionsFor).
import type { FixPreview as FixPreviewView } from '../../contract/index.js';
import type { FixDescription, FixPreview } from '../../fixes/types.js';
import type { StepRecord } from '../../plan-runner/index.js';
import { message, renderMessage, type MessageRef } from '../../shared/i18n/index.js';

/** One readable command line; arguments with spaces or quotes are quoted for reading only. */
export function displayCommand(file: string, args: readonly string[]): string {
  const quote = (part: string) => (/[\s"]/.test(part) ? `"${part.replace(/"/g, '\\"')}"` : part);
  return [file, ...args].map(quote).join(' ');
}

function offlineAlternative(record: StepRecord): MessageRef | null {
  switch (record.step.step) {
    case 'install-windows-update':
      return message('fix.offline.update', { kb: record.step.kb ?? message('fix.offline.theUpdate') });
    case 'install-root-certificate':
      return message('fix.offline.root');
    default:
      return null;
  }
}

export function previewView(stepIndex: number, record: StepRecord, description: FixDescription, preview: FixPreview, offline: boolean): FixPreviewView {
  const needsNetwork = record.step.step === 'install-windows-update' && !record.updateFile && !offline;
  const lines = [
    { text: description.what, ref: description.whatMessage },
    { text: description.why, ref: description.whyMessage ?? record.step.whyMessage },
  ].filter((line) => line.text.trim() !== '');
  const alternative = offlineAlternative(record);
  const failed = preview.checks.filter((check) => !check.passed);
  const titleMessage = description.titleMessage ?? record.step.titleMessage;
  // A list's messages go along only when every line has one (the renderer pairs them by position).
  const messagesOf = (refs: readonly (MessageRef | undefined)[]) => (refs.every((ref): ref is MessageRef => ref !== undefined) ? { list: [...refs] } : null);
  const whatMessages = messagesOf(lines.map((line) => line.ref));
  const warningMessages = messagesOf(failed.map((check) => check.messageRef));
  const blockerMessages = preview.blockersMessages && preview.blockersMessages.length === preview.blockers.length ? [...preview.blockersMessages] : null;
  return {
    stepIndex,
    kind: description.kind,
    title: description.title,
    ...(titleMessage ? { titleMessage } : {}),
    whatWillHappen: lines.map((line) => line.text),
    ...(whatMessages ? { whatWillHappenMessages: whatMessages.list } : {}),
    commands: preview.commands.map((command) => ({
      file: command.file,
      args: [...command.args],
      display: displayCommand(command.file, command.args),
      purpose: command.purpose,
      ...(command.purposeMessage ? { purposeMessage: command.purposeMessage } : {}),
      elevated: command.elevated,
    })),
    needsAdmin: description.needsAdmin,
    needsReboot: description.needsReboot,
    needsNetwork,
    offlineAlternative: alternative ? renderMessage(alternative, 'en') : null,
    ...(alternative ? { offlineAlternativeMessage: alternative } : {}),
    canUndo: description.undoable,
    undoNote: description.undoNote,
    ...(description.undoNoteMessage ? { undoNoteMessage: description.undoNoteMessage } : {}),
    warnings: failed.map((check) => check.message),
    ...(warningMessages ? { warningsMessages: warningMessages.list } : {}),
    checks: preview.checks.map((check) => ({ id: check.id, passed: check.passed, message: check.message, ...(check.messageRef ? { messageRef: check.messageRef } : {}) })),
    facts: Object.entries(preview.facts).map(([key, value]) => {
      const words = preview.factMessages?.[key];
      return { label: key, value, ...(words ? { labelMessage: words.label } : {}), ...(words?.value ? { valueMessage: words.value } : {}) };
    }),
    ready: preview.ready,
    blockers: [...preview.blockers],
    ...(blockerMessages ? { blockersMessages: blockerMessages } : {}),
  };
}
