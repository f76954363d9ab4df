// Codes and event ids that show a signature-trust failure, read from raw data (never from localised
// message text, so a German or Japanese Windows is diagnosed the same way).
import { CODE_INTEGRITY_EVENT_IDS, CODE_INTEGRITY_PROVIDER as CODE_INTEGRITY_PROVIDER_NAME, SERVICE_CONTROL_MANAGER, type CodeIntegrityEventId, type ScmEventId } from '../../shared/names.js';

/** Win32 / NTSTATUS / HRESULT values a service reports when Windows cannot verify its signature. */
export const SIGNATURE_EXIT_CODES: ReadonlySet<number> = new Set([
  577, // ERROR_INVALID_IMAGE_HASH: "Windows cannot verify the digital signature for this file"
  -1073740760, // STATUS_INVALID_IMAGE_HASH 0xC0000428, as a signed value
  3221226536, // the same, unsigned
  -2146762487, // CERT_E_UNTRUSTEDROOT 0x800B0109
  2148204809,
  -2146762486, // CERT_E_CHAINING 0x800B010A
  2148204810,
]);

/** The same codes as Service Control Manager writes them into event data ("%%577"). */
export const SIGNATURE_EVENT_CODES: ReadonlySet<string> = new Set([...SIGNATURE_EXIT_CODES].map((code) => `%%${code}`));

/** A 7024's service-specific error (%2) that is a certificate-trust HRESULT: CERT_E_UNTRUSTEDROOT
 * 0x800B0109 and CERT_E_CHAINING 0x800B010A, as signed or unsigned decimals (winerror.h). A vendor's
 * own code such as 577 is not read as Win32 577 there. */
export const SERVICE_SPECIFIC_TRUST_CODES: ReadonlySet<string> = new Set(['%%-2146762487', '%%2148204809', '%%-2146762486', '%%2148204810']);

/** Event data values that mean "the chain ends in a root that is not trusted". */
export const UNTRUSTED_ROOT_CODES: ReadonlySet<string> = new Set(['%%-2146762487', '%%2148204809', '0x800b0109']);

// Subsets of the one collected list (src-main/shared/names.ts): typed, so an ID the collector never reads does not compile.
const scmIds = (...ids: ScmEventId[]): ReadonlySet<number> => new Set(ids);
const codeIntegrityIds = (...ids: CodeIntegrityEventId[]): ReadonlySet<number> => new Set(ids);

/** Service Control Manager: the service failed to start (7000) or ended with an error (7023). */
export const SCM_START_FAILURE_IDS = scmIds(7000, 7023);
/** Other SCM events that show a service in trouble, without saying why (7001: a service it depends on
 * failed; 7026 is about drivers and read by the driver rule). */
export const SCM_OTHER_FAILURE_IDS = scmIds(7000, 7001, 7009, 7011, 7022, 7023, 7024, 7031, 7034);
/** Code Integrity: file could not be verified (3004), did not meet the signing level (3033),
 * signature details (3089), did not meet the requirements for a protected process (3104). */
export const CODE_INTEGRITY_IDS = codeIntegrityIds(...CODE_INTEGRITY_EVENT_IDS);
/** Code Integrity events whose file (FileNameBuffer) failed verification or the signing level. */
export const CODE_INTEGRITY_FILE_FAILURE_IDS = codeIntegrityIds(3004, 3033);
/** Code Integrity "signature information for another event" (no file name; linked by ActivityID). */
export const CODE_INTEGRITY_SIGNATURE_INFO_ID: CodeIntegrityEventId = 3089;
/** Code Integrity: the file is disallowed (deny list) for protected processes. */
export const CODE_INTEGRITY_DENY_LIST_ID: CodeIntegrityEventId = 3104;
/** Service Control Manager: boot-start or system-start driver(s) failed to load. */
export const SCM_DRIVER_FAILURE_ID: ScmEventId = 7026;
/** Service Control Manager: the service ended with a service-specific error (%2 is that code). */
export const SCM_SERVICE_SPECIFIC_ERROR_ID = 7024;

export const SCM_PROVIDERS: ReadonlySet<string> = new Set([SERVICE_CONTROL_MANAGER.toLowerCase(), `${SERVICE_CONTROL_MANAGER} Eventlog Provider`.toLowerCase()]);
export const CODE_INTEGRITY_PROVIDER = CODE_INTEGRITY_PROVIDER_NAME.toLowerCase();

/** Exit code 1077: "no attempts to start the service have been made since the last boot". */
export const NEVER_STARTED_EXIT_CODE = 1077;
/** Exit code 1068: a service this one depends on failed to start. */
export const DEPENDENCY_FAILED_EXIT_CODE = 1068;

export function isScmEvent(provider: string): boolean {
  return SCM_PROVIDERS.has(provider.trim().toLowerCase());
}

export function isCodeIntegrityEvent(provider: string, log: string): boolean {
  return provider.trim().toLowerCase() === CODE_INTEGRITY_PROVIDER || /codeintegrity/i.test(log);
}
