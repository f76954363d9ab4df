// Exit codes of the commands the fixes run, in plain words. Unknown codes are shown as hex and decimal.
// Sources: docs/reference/ACS-FACTS.md §7 (wusa, DISM), winerror.h (Win32 service errors).

export type CodeOutcome = 'success' | 'reboot-required' | 'already-done' | 'not-applicable' | 'busy' | 'declined' | 'access-denied' | 'failure';

export interface CodeMeaning {
  outcome: CodeOutcome;
  /** Plain words for the person. */
  words: string;
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

function table(rows: [number, CodeOutcome, string][]): Table {
  return new Map(rows.map(([code, outcome, words]) => [code >>> 0, { outcome, words }]));
}

/** wusa.exe and DISM /Add-Package share most codes (DISM returns the CBS HRESULT). */
export const UPDATE_INSTALL_CODES: Table = table([
  [0, 'success', 'The update was installed.'],
  [3010, 'reboot-required', 'The update was installed; Windows must restart to finish.'],
  [1641, 'reboot-required', 'The update was installed and the installer started a restart.'],
  [0x00240005, 'reboot-required', 'The update was installed; Windows must restart to finish.'],
  [0x00240006, 'already-done', 'This update is already installed.'],
  [
    0x80240017,
    'not-applicable',
    'This update does not apply to this computer: wrong Windows version or architecture, already replaced by a newer update, or a prerequisite (such as a servicing stack update) is missing.',
  ],
  [0x800f081e, 'not-applicable', 'This package does not apply to this Windows (CBS_E_NOT_APPLICABLE): wrong version or architecture.'],
  [0x800f0838, 'not-applicable', 'A prerequisite baseline update is missing (CBS_E_MISSING_PREREQUISITE_BASELINES): install the servicing stack update first.'],
  [0x800f0830, 'failure', 'Windows reports the image cannot be serviced (CBS_E_IMAGE_UNSERVICEABLE); run DISM /Online /Cleanup-Image /RestoreHealth, then try again.'],
  [0x800f081f, 'failure', 'Files the update needs could not be found (CBS_E_SOURCE_MISSING).'],
  [0x800f0922, 'failure', 'The update installers failed (CBS_E_INSTALLERS_FAILED); often not enough space on the system reserved partition.'],
  [1618, 'busy', 'Another installation is already running. Wait until it finishes (or restart Windows), then try again.'],
  [0x80240016, 'busy', 'Another installation is already running (WU_E_INSTALL_NOT_ALLOWED). Wait until it finishes, then try again.'],
  [5, 'access-denied', 'Access denied: installing updates needs administrator rights.'],
  [0x80070005, 'access-denied', 'Access denied: installing updates needs administrator rights.'],
  [1223, 'declined', 'The administrator prompt was declined.'],
  [2, 'failure', 'The package file was not found.'],
  [0x80070002, 'failure', 'The package file was not found.'],
  [87, 'failure', 'The installer rejected its arguments.'],
  [0x80070057, 'failure', 'The installer rejected its arguments.'],
  [0x8007000d, 'failure', 'The package file is damaged or incomplete.'],
]);

/** certutil.exe returns 0 or an HRESULT. */
export const CERTUTIL_CODES: Table = table([
  [0, 'success', 'certutil finished successfully.'],
  [0x80070005, 'access-denied', 'Access denied: the machine certificate store needs administrator rights.'],
  [0x80070002, 'failure', 'The certificate file was not found.'],
  [0x80092004, 'failure', 'The certificate was not found in the store (CRYPT_E_NOT_FOUND).'],
  [0x80093102, 'failure', 'The certificate file is damaged (ASN1 bad tag value).'],
  [0x8009310b, 'failure', 'The certificate file is damaged (ASN1 bad tag value met).'],
  [1223, 'declined', 'The administrator prompt was declined.'],
]);

/** sc.exe start / query and Start-Service (Win32 error codes). */
export const SERVICE_CODES: Table = table([
  [0, 'success', 'The start request was accepted.'],
  [1056, 'already-done', 'The service is already running.'],
  [577, 'failure', 'Windows cannot verify the digital signature of the service program (error 577): the update or the root certificate is still missing, or the file is damaged.'],
  [5, 'access-denied', 'Access denied: starting this service needs administrator rights.'],
  [1058, 'failure', 'The service is disabled (error 1058).'],
  [1060, 'failure', 'The service is not installed (error 1060).'],
  [1053, 'failure', 'The service did not respond in time (error 1053).'],
  [1068, 'failure', 'A service it depends on could not start (error 1068).'],
  [1069, 'failure', 'The service could not log on (error 1069).'],
  [2, 'failure', 'The service program file was not found (error 2).'],
  [193, 'failure', 'The service program is not a valid Windows program (error 193): the file is damaged.'],
  [1223, 'declined', 'The administrator prompt was declined.'],
]);

/** shutdown.exe. */
export const SHUTDOWN_CODES: Table = table([
  [0, 'success', 'Windows will restart shortly.'],
  [1190, 'busy', 'A restart is already scheduled (error 1190).'],
  [5, 'access-denied', 'Access denied: this account may not restart Windows.'],
  [1115, 'busy', 'Windows is already shutting down.'],
  [1223, 'declined', 'The administrator prompt was declined.'],
]);

/** Looks a code up; unknown codes keep their number in hex and decimal so support can search it. */
export function explainCode(codes: Table, code: number | null): CodeMeaning {
  if (code === null) return { outcome: 'failure', words: 'The command did not finish (timed out, cancelled, or could not start).' };
  const known = codes.get(code >>> 0);
  if (known) return known;
  return { outcome: 'failure', words: `Unexpected exit code ${formatCode(code)}.` };
}

/** "restart needed (3010)" style text for journals and command lists. */
export function describeCode(codes: Table, code: number | null): string {
  const meaning = explainCode(codes, code);
  return code === null ? meaning.words : `${meaning.words} [exit code ${formatCode(code)}]`;
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

/** Plain words for any command's exit code (used for commands the elevated helper reports). */
export function describeProgramCode(file: string, code: number | null): string {
  const codes = codesForProgram(file);
  if (codes) return describeCode(codes, code);
  return code === null ? 'The command did not finish.' : code === 0 ? 'Finished successfully.' : `Ended with exit code ${formatCode(code)}.`;
}
