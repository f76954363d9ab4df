// Reading Microsoft-Windows-CodeIntegrity/Operational events for what they mean (issue 13, item 2).
// Field layouts from the CodeIntegrity event manifest (OTRF/OSSEM data dictionary, Microsoft's
// "Understanding Application Control event IDs", SigmaHQ rules; ACS-FACTS "Second audit" E):
// - 3004 / 3033 / 3104: FileNameLength, FileNameBuffer (%2: the file that failed), ProcessNameLength,
//   ProcessNameBuffer (%4: the process that loaded it), … — only the *file* says whose problem it is:
//   protected anti-malware processes log 3033 for other vendors' DLLs loaded into them.
// - 3089: "signature information for another event": no file name; linked to its 3004/3033 by the
//   event's correlation ActivityID; carries the signer's publisher and issuer. An issuer
//   "Microsoft ID Verified CS …" shows the blocked file is ACS-signed.
// - 3104: the file is on the deny list for protected processes: a block, not missing trust.
// - A `.sys` file is a kernel driver, signed through Microsoft's hardware programme, not through ACS.
import { ACS_ISSUER_PATTERN } from '../../catalogue/root-certificate.js';
import type { SnapshotEvent } from '../../snapshot/schema.js';
import { CODE_INTEGRITY_DENY_LIST_ID, CODE_INTEGRITY_FILE_FAILURE_IDS, CODE_INTEGRITY_SIGNATURE_INFO_ID, isCodeIntegrityEvent } from './signature-evidence.js';

/** The file a 3004 / 3033 / 3104 event is about (FileNameBuffer), or null. */
export function codeIntegrityFile(event: SnapshotEvent): string | null {
  const file = event.data[1]?.trim();
  if (file && /[\\/]/.test(file)) return file;
  // Older layouts or a collector that dropped the length fields: the first value that is a path.
  return event.data.find((value) => /^(\\Device\\|[a-z]:\\|\\\\\?\\|\\SystemRoot\\|System32\\)/i.test(value.trim()))?.trim() ?? null;
}

export function isDriverFile(path: string): boolean {
  return /\.sys$/i.test(path.trim());
}

export interface LinkedSignature {
  index: number;
  issuer: string | null;
  publisher: string | null;
  acs: boolean;
}

/**
 * The 3089 signature-information events that belong to the 3004/3033 event at `index`: same
 * correlation ActivityID; when the snapshot carries no ActivityIDs, the 3089 events written in the
 * same second when exactly one 3004/3033 was written in that second (INFERENCE: Code Integrity writes
 * them together; without an ActivityID nothing else links them).
 */
export function linkedSignatures(events: readonly SnapshotEvent[], index: number): LinkedSignature[] {
  const main = events[index];
  if (!main) return [];
  const ci = (event: SnapshotEvent) => isCodeIntegrityEvent(event.provider, event.log);
  let linked: number[];
  if (main.activityId) {
    linked = events.flatMap((event, i) => (ci(event) && event.id === CODE_INTEGRITY_SIGNATURE_INFO_ID && sameActivity(event.activityId, main.activityId) ? [i] : []));
  } else {
    const sameSecond = (event: SnapshotEvent) => event.time.slice(0, 19) === main.time.slice(0, 19);
    const mains = events.filter((event) => ci(event) && CODE_INTEGRITY_FILE_FAILURE_IDS.has(event.id) && sameSecond(event));
    linked = mains.length === 1 ? events.flatMap((event, i) => (ci(event) && event.id === CODE_INTEGRITY_SIGNATURE_INFO_ID && !event.activityId && sameSecond(event) ? [i] : [])) : [];
  }
  return linked.map((i) => signatureInfo(events[i]!, i));
}

function sameActivity(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && a.replace(/[{}]/g, '').toLowerCase() === b.replace(/[{}]/g, '').toLowerCase();
}

/** Publisher and issuer of a 3089 event: the values after their length fields (PublisherName %13, IssuerName %15). */
export function signatureInfo(event: SnapshotEvent, index: number): LinkedSignature {
  const values = event.data.map((value) => value.trim());
  const issuer = values.find((value) => ACS_ISSUER_PATTERN.test(value)) ?? values[14] ?? null;
  const publisher = values[12] ?? null;
  return { index, issuer: issuer || null, publisher: publisher || null, acs: !!issuer && ACS_ISSUER_PATTERN.test(issuer) };
}

export function isDenyListBlock(event: SnapshotEvent): boolean {
  return event.id === CODE_INTEGRITY_DENY_LIST_ID;
}
