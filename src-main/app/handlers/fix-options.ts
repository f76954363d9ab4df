// Turns the fixes module's preview into what the "what will happen" card shows (the options a step
// runs with are the plan runner's: src-main/plan-runner/runner.ts optionsFor).
import type { FixPreview as FixPreviewView } from '../../contract/index.js';
import type { FixDescription, FixPreview } from '../../fixes/types.js';
import type { StepRecord } from '../../plan-runner/index.js';

/** One readable command line; arguments with spaces or quotes are quoted for reading only. */
export function displayCommand(file: string, args: readonly string[]): string {
  const quote = (part: string) => (/[\s"]/.test(part) ? `"${part.replace(/"/g, '\\"')}"` : part);
  return [file, ...args].map(quote).join(' ');
}

function offlineAlternative(record: StepRecord): string | null {
  switch (record.step.step) {
    case 'install-windows-update':
      return `Download ${record.step.kb ?? 'the update'} from the Microsoft Update Catalog on another computer, bring the .msu file on a USB stick, and choose it here.`;
    case 'install-root-certificate':
      return 'The root certificate comes with this app: no internet connection is needed.';
    default:
      return null;
  }
}

export function previewView(stepIndex: number, record: StepRecord, description: FixDescription, preview: FixPreview, offline: boolean): FixPreviewView {
  const needsNetwork = record.step.step === 'install-windows-update' && !record.updateFile && !offline;
  return {
    stepIndex,
    kind: description.kind,
    title: description.title,
    whatWillHappen: [description.what, description.why].filter((line) => line.trim() !== ''),
    commands: preview.commands.map((command) => ({
      file: command.file,
      args: [...command.args],
      display: displayCommand(command.file, command.args),
      purpose: command.purpose,
      elevated: command.elevated,
    })),
    needsAdmin: description.needsAdmin,
    needsReboot: description.needsReboot,
    needsNetwork,
    offlineAlternative: offlineAlternative(record),
    canUndo: description.undoable,
    undoNote: description.undoNote,
    warnings: preview.checks.filter((check) => !check.passed).map((check) => check.message),
    checks: preview.checks.map((check) => ({ id: check.id, passed: check.passed, message: check.message })),
    facts: Object.entries(preview.facts).map(([label, value]) => ({ label, value })),
    ready: preview.ready,
    blockers: [...preview.blockers],
  };
}
