// Exit codes of the commands the fixes run, in plain words (messages code.* of the shared catalogue;
// `words` is their English text). Unknown codes are shown as hex and decimal.
// Sources: docs/reference/ACS-FACTS.md §7 (wusa, DISM), winerror.h (Win32 service errors).
import type { MessageId } from '../shared/i18n/index.js';
import { english, said, type MessageRef } from './texts.js';

export type CodeOutcome = 'success' | 'reboot-required' | 'already-done' | 'not-applicable' | 'busy' | 'declined' | 'access-denied' | 'failure';

export interface CodeMeaning {
  outcome: CodeOutcome;
  /** Plain words for the person (English). */
  words: string;
  /** The same as a message of the catalogue. */
  message: MessageRef;
}

/** "0x80240017 (-2145124329)": how unknown codes appear. Negative exit codes are read as 32-bit HRESULTs. */
export function formatCode(code: number): string {
  const unsigned = code >>> 0;
  const hex = `0x${unsigned
    .toString(16)
    .toUpperCase()
    .padStart(unsigned > 0xffff ? 8 : 1, '0')}`;
  const signed = unsigned | 0;
  return signed === unsigned ? `${hex} (${unsigned})` : `${hex} (${unsigned} / ${signed})`;
}

type Table = ReadonlyMap<number, CodeMeaning>;

function meaning(outcome: CodeOutcome, message: MessageRef): CodeMeaning {
  return { outcome, words: english(message), message };
}

function table(rows: [number, CodeOutcome, MessageId][]): Table {
  return new Map(rows.map(([code, outcome, id]) => [code >>> 0, meaning(outcome, said(id))]));
}

/** wusa.exe and DISM /Add-Package share most codes (DISM returns the CBS HRESULT). */
export const UPDATE_INSTALL_CODES: Table = table([
  [0, 'success', 'code.update.installed'],
  [3010, 'reboot-required', 'code.update.restart'],
  [1641, 'reboot-required', 'code.update.installerRestarts'],
  [0x00240005, 'reboot-required', 'code.update.restart'],
  [0x00240006, 'already-done', 'code.update.alreadyInstalled'],
  [0x80240017, 'not-applicable', 'code.update.notApplicable'],
  [0x800f081e, 'not-applicable', 'code.update.cbsNotApplicable'],
  [0x800f0838, 'not-applicable', 'code.update.missingBaseline'],
  [0x800f0830, 'failure', 'code.update.unserviceable'],
  [0x800f081f, 'failure', 'code.update.sourceMissing'],
  [0x800f0922, 'failure', 'code.update.installersFailed'],
  [1618, 'busy', 'code.update.busy'],
  [0x80240016, 'busy', 'code.update.wuBusy'],
  [5, 'access-denied', 'code.update.accessDenied'],
  [0x80070005, 'access-denied', 'code.update.accessDenied'],
  [1223, 'declined', 'code.declined'],
  [2, 'failure', 'code.update.fileNotFound'],
  [0x80070002, 'failure', 'code.update.fileNotFound'],
  [87, 'failure', 'code.update.badArguments'],
  [0x80070057, 'failure', 'code.update.badArguments'],
  [0x8007000d, 'failure', 'code.update.damaged'],
]);

/** certutil.exe returns 0 or an HRESULT. */
export const CERTUTIL_CODES: Table = table([
  [0, 'success', 'code.certutil.ok'],
  [0x80070005, 'access-denied', 'code.certutil.accessDenied'],
  [0x80070002, 'failure', 'code.certutil.fileNotFound'],
  [0x80092004, 'failure', 'code.certutil.notInStore'],
  [0x80093102, 'failure', 'code.certutil.badTag'],
  [0x8009310b, 'failure', 'code.certutil.badTagMet'],
  [1223, 'declined', 'code.declined'],
]);

/** sc.exe start / query and Start-Service (Win32 error codes). */
export const SERVICE_CODES: Table = table([
  [0, 'success', 'code.service.accepted'],
  [1056, 'already-done', 'code.service.alreadyRunning'],
  [577, 'failure', 'code.service.signature'],
  [5, 'access-denied', 'code.service.accessDenied'],
  [1058, 'failure', 'code.service.disabled'],
  [1060, 'failure', 'code.service.notInstalled'],
  [1053, 'failure', 'code.service.noResponse'],
  [1068, 'failure', 'code.service.dependency'],
  [1069, 'failure', 'code.service.logon'],
  [2, 'failure', 'code.service.fileNotFound'],
  [193, 'failure', 'code.service.badImage'],
  [1223, 'declined', 'code.declined'],
]);

/** shutdown.exe. */
export const SHUTDOWN_CODES: Table = table([
  [0, 'success', 'code.shutdown.ok'],
  [1190, 'busy', 'code.shutdown.scheduled'],
  [5, 'access-denied', 'code.shutdown.accessDenied'],
  [1115, 'busy', 'code.shutdown.shuttingDown'],
  [1223, 'declined', 'code.declined'],
]);

/** Looks a code up; unknown codes keep their number in hex and decimal so support can search it. */
export function explainCode(codes: Table, code: number | null): CodeMeaning {
  if (code === null) return meaning('failure', said('code.notFinished'));
  const known = codes.get(code >>> 0);
  if (known) return known;
  return meaning('failure', said('code.unexpected', { code: formatCode(code) }));
}

/** "restart needed [exit code 3010]" style message for journals and command lists. */
export function describeCodeMessage(codes: Table, code: number | null): MessageRef {
  const found = explainCode(codes, code);
  return code === null ? found.message : said('code.withExitCode', { meaning: found.message, code: formatCode(code) });
}

/** The same in English. */
export function describeCode(codes: Table, code: number | null): string {
  return english(describeCodeMessage(codes, code));
}

/** The table for a program by its file name (certutil, wusa, dism, sc, shutdown). */
export function codesForProgram(file: string): Table | null {
  const name = (file.split(/[\\/]/).pop() ?? file).toLowerCase().replace(/\.exe$/, '');
  if (name === 'certutil') return CERTUTIL_CODES;
  if (name === 'wusa' || name === 'dism') return UPDATE_INSTALL_CODES;
  if (name === 'sc') return SERVICE_CODES;
  if (name === 'shutdown') return SHUTDOWN_CODES;
  return null;
}

/** Plain words for any command's exit code (used for commands the elevated helper reports), as a message. */
export function describeProgramCodeMessage(file: string, code: number | null): MessageRef {
  const codes = codesForProgram(file);
  if (codes) return describeCodeMessage(codes, code);
  return code === null ? said('code.program.notFinished') : code === 0 ? said('code.program.ok') : said('code.program.ended', { code: formatCode(code) });
}

/** The same in English. */
export function describeProgramCode(file: string, code: number | null): string {
  return english(describeProgramCodeMessage(file, code));
}
