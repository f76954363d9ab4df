// Every operation the renderer may ask the main process for, with the zod schema its argument must
// pass (strict objects: an extra field is an error). Both Electron IPC and the preview bridge validate
// with these before any handler runs.
import { z } from 'zod';
import { LOCALES } from '../shared/i18n/index.js';
import { OPERATION_NAMES, PROBE_SECTIONS, type OperationName } from '../shared/names.js';

export { OPERATION_NAMES, PROBE_SECTIONS, type OperationName } from '../shared/names.js';

/** Largest accepted argument, as UTF-8 JSON. Nothing in the contract needs more. */
export const MAX_ARGUMENT_BYTES = 16 * 1024;

export const probeSectionSchema = z.enum(PROBE_SECTIONS);

const noArguments = z.strictObject({});
const stepIndex = z.number().int().min(0).max(63);
/** A path the main process offered earlier (picker candidates); never trusted beyond that. */
const localPath = z.string().min(1).max(1024);
/** Text without control characters other than tab and line breaks (what Copy puts on the clipboard). */
function printable(text: string): boolean {
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return false;
  }
  return true;
}
/** The user pressed the button that says what will happen. */
const consent = z.literal(true);
/** The wizard's language, for what the main process writes for people outside the app (Windows' restart
 * notice, the field kit's README and scripts). */
const language = z.enum(LOCALES).optional();

export const operationArgumentSchemas = {
  /** Version, which machine (this Windows, a simulated profile, a received snapshot), offline state, resume point. */
  getAppInfo: noArguments,
  /** Probe this machine; resolves when done (progress arrives as `probe-progress` events). */
  startProbe: z.strictObject({ sections: z.array(probeSectionSchema).min(1).max(PROBE_SECTIONS.length).optional() }),
  /** Cancel the running probe; its startProbe call then resolves with code "cancelled". */
  cancelProbe: noArguments,
  /** The diagnosis of the current snapshot (this machine or a received one). */
  getDiagnosis: noArguments,
  /** The current snapshot itself, for "Show technical details" (evidence paths point into it). */
  getSnapshot: noArguments,
  /** The plan as numbered steps with the state of each. */
  listPlan: noArguments,
  /** What a step will do: plain words, exact commands, admin/reboot/network needs. Changes nothing. */
  previewFix: z.strictObject({ stepIndex }),
  /** Run a previewed step (progress arrives as `fix-progress` events). */
  applyFix: z.strictObject({ stepIndex, consent }),
  /** Cancel the running fix where it can be stopped safely. */
  cancelFix: noArguments,
  /** Probe again and say whether the step's goal is now met. */
  verifyFix: z.strictObject({ stepIndex }),
  /** Undo an applied step where the fix supports it. */
  undoFix: z.strictObject({ stepIndex, consent }),
  /** Pick the local .msu/.cab for an update step: a system dialog in Electron; in the preview the call
   * without `path` returns the simulated machine's files to pick from, and the call with `path` chooses one. */
  chooseUpdateFile: z.strictObject({ stepIndex, path: localPath.optional() }),
  /** Restart Windows now, or remember to resume after the user restarts later. */
  reboot: z.strictObject({ when: z.enum(['now', 'later']), language }),
  /** After a restart: read the journal, probe again, and say at which step to continue. */
  resumeAfterRestart: noArguments,
  /** What the redaction would replace in an exported report, before exporting. */
  previewRedaction: noArguments,
  /** Write the report folder (JSON snapshot + diagnosis, HTML, PDF where the shell can print). */
  exportReport: z.strictObject({
    redact: z.boolean().default(true),
    pdf: z.boolean().default(true),
    /** "choose": a folder dialog (e.g. a USB stick); "default": the app's reports folder. */
    destination: z.enum(['default', 'choose']).default('default'),
  }),
  /** Open a snapshot file or report folder received from a customer: a read-only session. Same
   * picker pattern as chooseUpdateFile (dialog in Electron, candidate list in the preview). `folder: true`
   * asks the Electron dialog for a report folder instead of a file (Windows dialogs pick one or the other). */
  openReceived: z.strictObject({ path: localPath.optional(), folder: z.boolean().optional() }),
  /** Leave the received snapshot and return to this machine's session. */
  closeReceived: noArguments,
  /** Decode a support code read over the phone ("ACS-XXXX-XXXX"). */
  decodeSupportCode: z.strictObject({ code: z.string().min(1).max(64) }),
  /** The person allows (or stops) the app's own network use: the root update reachability check and
   * the online Windows Update path. Off by default: nothing leaves the machine unless asked. */
  allowNetwork: z.strictObject({ allowed: z.boolean() }),
  /** Open an allow-listed https link (Microsoft / Trend Micro documentation) in the system browser. */
  openExternalLink: z.strictObject({ url: z.string().min(1).max(2048) }),
  /** Field kit (docs/field-kit.md): is a kit offered for the current snapshot, and does the app run on its Windows? */
  kitInfo: noArguments,
  /** Build the field kit for the current snapshot's computer into a folder the person chooses (a USB stick).
   * The update file: same picker pattern as chooseUpdateFile (a dialog in Electron, candidates in the preview). */
  buildFixKit: z.strictObject({ packagePath: localPath.optional(), consent, language }),
  /** What a kit did on its computer: a kit folder built in this session, or one picked (a folder dialog in Electron). */
  readFixKit: z.strictObject({ path: localPath.optional() }),
  /** Copy a text (a path, the support code, a command, an address) to the clipboard: Electron's in the
   * desktop app; in the preview the page copies it itself. Printable text and line breaks only. */
  copyText: z.strictObject({ text: z.string().min(1).max(4096).refine(printable, 'printable text only') }),
  /** Open a folder in Explorer: only a folder the app made or named in this session (its data folder,
   * its reports, a saved report, a fix kit, an administrator script); the preview says where it is. */
  openFolder: z.strictObject({ path: localPath }),
  /** The About panel: version, and where the action journal and the reports live. */
  getPlaces: noArguments,
  /** The report saved last, as a PDF: where the person chooses (a save dialog) or next to its folder. */
  saveReportPdf: z.strictObject({ destination: z.enum(['choose', 'next-to-report']) }),
  /** Close the app window (the desktop app quits); the preview answers that the tab can be closed. */
  closeWindow: noArguments,
  /** "Open the upgrade guide" for a Windows no update can fix: Settings > Windows Update on this computer
   * (ms-settings:windowsupdate), or Microsoft's upgrade page in the browser, which goes online and so
   * needs the person's consent. Where nothing can open (the preview, a simulated or received machine),
   * the answer says where the guide is. */
  openUpgradeGuide: z.strictObject({ target: z.enum(['settings', 'web']), consent: consent.optional() }),
} as const satisfies Record<OperationName, z.ZodType>;

// The schema table has exactly the shared operation names (satisfies: none missing, none extra).
void (OPERATION_NAMES satisfies readonly (keyof typeof operationArgumentSchemas)[]);

/** What the renderer passes (defaults not yet applied). */
export type OperationArgs<Op extends OperationName> = z.input<(typeof operationArgumentSchemas)[Op]>;
/** What a handler receives, after validation (defaults applied). */
export type ValidatedArgs<Op extends OperationName> = z.output<(typeof operationArgumentSchemas)[Op]>;

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(operationArgumentSchemas, name);
}
