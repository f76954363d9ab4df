// Support codes "ACS-XXXX-XXXX": 35 bits of facts in seven Crockford base32 characters plus a Damm check
// character. The layout is specified in docs/support-code.md; tests check its vectors.
import type { Diagnosis } from '../diagnosis/schema.js';
import type { Snapshot } from '../snapshot/schema.js';
import { symbolFor, valueOf } from './alphabet.js';
import { dammCheckValue, dammValid } from './damm32.js';
import { AGENT_STATUSES, MAX_CODED_UBR, PENDING_REBOOTS, ROOT_AUTO_UPDATES, ROOT_STATUSES, summarizeForSupportCode, UPDATE_STATUSES, VERDICTS, windowsName, type SupportSummary } from './summary.js';
import { CODED_WINDOWS_RELEASES, releaseIndexOfBuild } from './windows-releases.js';

export const SUPPORT_CODE_PREFIX = 'ACS';
const PAYLOAD_CHARACTERS = 7;
const UNKNOWN_UBR = 32767;
const UBR_SPAN = 2 ** 15;
const RELEASE_SPAN = 2 ** 5;
const STATUS_SPAN = 2 ** 13;
/** The status fields, most significant first, with how many values each can take. */
const STATUS_RADICES = [VERDICTS.length, UPDATE_STATUSES.length, ROOT_STATUSES.length, ROOT_AUTO_UPDATES.length, AGENT_STATUSES.length, PENDING_REBOOTS.length];

export type SupportCodeDecodeResult = { ok: true; code: string; summary: SupportSummary } | { ok: false; error: string };

export function encodeSupportCode(diagnosis: Diagnosis, snapshot: Snapshot): string {
  return encodeSupportSummary(summarizeForSupportCode(diagnosis, snapshot));
}

function indexIn<T>(values: readonly T[], value: T, field: string): number {
  const index = values.indexOf(value);
  if (index < 0) throw new RangeError(`support code: ${field} cannot be ${JSON.stringify(value)}`);
  return index;
}

export function encodeSupportSummary(summary: SupportSummary): string {
  const digits = [
    indexIn(VERDICTS, summary.verdict, 'verdict'),
    indexIn(UPDATE_STATUSES, summary.windowsUpdate, 'windowsUpdate'),
    indexIn(ROOT_STATUSES, summary.rootCertificate, 'rootCertificate'),
    indexIn(ROOT_AUTO_UPDATES, summary.rootAutoUpdate, 'rootAutoUpdate'),
    indexIn(AGENT_STATUSES, summary.agentServices, 'agentServices'),
    indexIn(PENDING_REBOOTS, summary.pendingReboot, 'pendingReboot'),
  ];
  let status = 0;
  digits.forEach((digit, position) => (status = status * (STATUS_RADICES[position] ?? 1) + digit));
  const release = summary.windows.build === null ? 0 : releaseIndexOfBuild(summary.windows.build);
  if (summary.windows.build !== null && release === 0) throw new RangeError(`support code: build ${summary.windows.build} is not in the code table`);
  const ubr = summary.windows.ubr;
  if (ubr !== null && (!Number.isInteger(ubr) || ubr < 0 || ubr > MAX_CODED_UBR)) throw new RangeError(`support code: UBR ${ubr} out of range`);
  // Plain arithmetic, not bit operators: the payload has 35 bits and JavaScript's bit operators stop at 32.
  const payload = ((status * RELEASE_SPAN + release) * 2 + (summary.windows.server ? 1 : 0)) * UBR_SPAN + (ubr ?? UNKNOWN_UBR);
  const values: number[] = [];
  let rest = payload;
  for (let index = 0; index < PAYLOAD_CHARACTERS; index += 1) {
    values.unshift(rest % 32);
    rest = Math.floor(rest / 32);
  }
  values.push(dammCheckValue(values));
  const symbols = values.map(symbolFor).join('');
  return `${SUPPORT_CODE_PREFIX}-${symbols.slice(0, 4)}-${symbols.slice(4)}`;
}

/** Reads a code as typed or heard: any case, with or without "ACS" and hyphens or spaces; O, I and L count as 0, 1, 1. */
export function decodeSupportCode(input: string): SupportCodeDecodeResult {
  let compact = input
    .trim()
    .toUpperCase()
    .replace(/[\s\-.]/g, '');
  if (compact.length === 0) return { ok: false, error: 'no support code given' };
  if (compact.length !== PAYLOAD_CHARACTERS + 1 && compact.startsWith(SUPPORT_CODE_PREFIX)) compact = compact.slice(SUPPORT_CODE_PREFIX.length);
  if (compact.length !== PAYLOAD_CHARACTERS + 1) {
    return { ok: false, error: `a support code has 8 characters after "ACS-" (like ACS-7Q2F-K9XD); this one has ${compact.length}` };
  }
  const values: number[] = [];
  for (const character of compact) {
    const value = valueOf(character);
    if (value === null) return { ok: false, error: `"${character}" never appears in a support code: please check that character` };
    values.push(value);
  }
  if (!dammValid(values)) {
    return { ok: false, error: 'the check character does not match: one character was probably misheard or mistyped; please ask for the code again' };
  }
  let payload = 0;
  for (const value of values.slice(0, PAYLOAD_CHARACTERS)) payload = payload * 32 + value;
  const ubrValue = payload % UBR_SPAN;
  payload = Math.floor(payload / UBR_SPAN);
  const server = payload % 2 === 1;
  payload = Math.floor(payload / 2);
  const release = payload % RELEASE_SPAN;
  payload = Math.floor(payload / RELEASE_SPAN);
  let status = payload % STATUS_SPAN;
  const layoutVersion = Math.floor(payload / STATUS_SPAN);
  if (layoutVersion !== 0) return { ok: false, error: 'this support code comes from a newer version of the program: please update it' };
  const releaseRow = CODED_WINDOWS_RELEASES[release];
  if (release !== 0 && !releaseRow) return { ok: false, error: 'this support code names a Windows release this version does not know: please update the program' };
  const digits: number[] = [];
  for (let position = STATUS_RADICES.length - 1; position >= 0; position -= 1) {
    const radix = STATUS_RADICES[position] ?? 1;
    digits.unshift(status % radix);
    status = Math.floor(status / radix);
  }
  if (status !== 0) return { ok: false, error: 'this is not a valid support code (its facts are out of range)' };
  const [verdict, update, root, autoUpdate, agent, reboot] = digits as [number, number, number, number, number, number];
  const build = releaseRow ? releaseRow.build : null;
  const symbols = values.map(symbolFor).join('');
  return {
    ok: true,
    code: `${SUPPORT_CODE_PREFIX}-${symbols.slice(0, 4)}-${symbols.slice(4)}`,
    summary: {
      verdict: VERDICTS[verdict]!,
      windows: { build, ubr: ubrValue === UNKNOWN_UBR ? null : ubrValue, server, name: windowsName(build, server) },
      windowsUpdate: UPDATE_STATUSES[update]!,
      rootCertificate: ROOT_STATUSES[root]!,
      rootAutoUpdate: ROOT_AUTO_UPDATES[autoUpdate]!,
      agentServices: AGENT_STATUSES[agent]!,
      pendingReboot: PENDING_REBOOTS[reboot]!,
    },
  };
}
