// Reads a snapshot from text or an already-parsed value and returns it validated, or one clear error.
import { readFile, stat } from 'node:fs/promises';
import type { z } from 'zod';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, snapshotSchema, type Snapshot } from './schema.js';

/** Larger files are refused before parsing: a real snapshot is well under 2 MiB. */
export const MAX_SNAPSHOT_BYTES = 16 * 1024 * 1024;

export type SnapshotParseResult = { ok: true; snapshot: Snapshot } | { ok: false; error: string };

/** Formats a zod issue path like `services[2].state`. */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(the document)' : out;
}

/** One sentence naming the first field at fault and what is wrong with it. */
export function describeZodError(error: z.ZodError, what = 'snapshot'): string {
  const first = error.issues[0];
  if (!first) return `invalid ${what}`;
  const issue = innermostIssue(first);
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? 's' : ''})` : '';
  // Plain words for the commonest case (issue 16): a part that is not there at all is "missing".
  const missing = issue.code === 'invalid_type' && /received undefined$/.test(issue.message);
  return `invalid ${what}: ${formatIssuePath(issue.path)}: ${missing ? 'this part is missing' : issue.message}${more}`;
}

type Issue = { path: PropertyKey[]; message: string; code?: string; errors?: Issue[][] };

/** For a value that matched no alternative (e.g. `os`), report the closest alternative's first problem. */
function innermostIssue(issue: z.core.$ZodIssue): Issue {
  const current = issue as unknown as Issue;
  if (current.code !== 'invalid_union' || !current.errors || current.errors.length === 0) return current;
  const closest = current.errors.reduce((best, branch) => (branch.length < best.length ? branch : best));
  const inner = closest[0];
  if (!inner) return current;
  return { ...inner, path: [...current.path, ...inner.path] };
}

export function validateSnapshot(value: unknown): SnapshotParseResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: 'invalid snapshot: the document must be a JSON object' };
  }
  const record = value as Record<string, unknown>;
  // Check the envelope first so a wrong kind of file gets a message about that, not about its fields.
  if (record.format !== SNAPSHOT_FORMAT) {
    return {
      ok: false,
      error: `invalid snapshot: format: expected "${SNAPSHOT_FORMAT}", found ${describeValue(record.format)}`,
    };
  }
  if (record.version !== SNAPSHOT_VERSION) {
    return {
      ok: false,
      error: `invalid snapshot: version: this program reads version ${SNAPSHOT_VERSION}, found ${describeValue(record.version)}`,
    };
  }
  const parsed = snapshotSchema.safeParse(value);
  if (!parsed.success) return { ok: false, error: describeZodError(parsed.error) };
  return { ok: true, snapshot: parsed.data };
}

export function parseSnapshotText(text: string): SnapshotParseResult {
  if (Buffer.byteLength(text, 'utf8') > MAX_SNAPSHOT_BYTES) {
    return { ok: false, error: `invalid snapshot: larger than ${MAX_SNAPSHOT_BYTES / 1024 / 1024} MiB` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return { ok: false, error: `invalid snapshot: not valid JSON (${describeJsonSyntaxError(error)})` };
  }
  const depth = nestingDepthExceeds(value, MAX_NESTING_DEPTH);
  if (depth) return { ok: false, error: `invalid snapshot: ${depth}: nested deeper than ${MAX_NESTING_DEPTH} levels` };
  return validateSnapshot(value);
}

/** Real snapshots nest 4 levels deep; a deeper document (often hostile) could exhaust the stack later. */
export const MAX_NESTING_DEPTH = 64;

/** Where a value nests deeper than `limit`, as a path; null when it does not. Iterative: no recursion. */
export function nestingDepthExceeds(value: unknown, limit: number): string | null {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: '' }];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.value === null || typeof current.value !== 'object') continue;
    if (current.depth >= limit) return current.path || '(the document)';
    const entries = Array.isArray(current.value)
      ? current.value.map((item, index) => [`[${index}]`, item] as const)
      : Object.entries(current.value).map(([key, item]) => [current.path ? `.${key}` : key, item] as const);
    for (const [suffix, item] of entries) stack.push({ value: item, depth: current.depth + 1, path: `${current.path}${suffix}`.slice(0, 200) });
  }
  return null;
}

/** V8's message quotes the input itself (hostile text, control characters): keep only where it broke. */
function describeJsonSyntaxError(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  if (/unexpected end of json input/i.test(message)) return 'the text ends too early';
  const position = /position (\d+)/.exec(message);
  return position ? `syntax error at character ${position[1]}` : 'syntax error';
}

/**
 * The text of a snapshot file as Windows writes it: `collect.ps1 > snapshot.json` in Windows
 * PowerShell 5.1 writes UTF-16LE with a byte-order mark, `Set-Content -Encoding UTF8` UTF-8 with one,
 * `Out-File -Encoding BigEndianUnicode` UTF-16BE, PowerShell 7 UTF-8 without. A UTF-16 file without
 * a mark is recognised by its zero bytes (JSON starts with ASCII). Text that is not valid UTF-8 is read
 * as Windows-1252, what `-Encoding Default` writes on Western Windows (INFERENCE for other locales:
 * their ANSI code page differs; the JSON structure survives, only names may read oddly).
 */
export function decodeSnapshotBytes(bytes: Uint8Array): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16be(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] !== 0 && bytes[1] === 0) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes.length >= 2 && bytes[0] === 0 && bytes[1] !== 0) return decodeUtf16be(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

/** Windows-1252 0x80–0x9F (elsewhere it equals Latin-1); Node's decoder may treat the label as Latin-1. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return out;
}

function decodeUtf16be(bytes: Uint8Array): string {
  const swapped = new Uint8Array(bytes.length - (bytes.length % 2));
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1]!;
    swapped[i + 1] = bytes[i]!;
  }
  return new TextDecoder('utf-16le').decode(swapped);
}

/** Parses a snapshot from the bytes of a file or a pipe, whatever Windows encoding wrote them. */
export function parseSnapshotBytes(bytes: Uint8Array): SnapshotParseResult {
  return parseSnapshotText(decodeSnapshotBytes(bytes));
}

export async function readSnapshotFile(path: string): Promise<SnapshotParseResult> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, error: `cannot read ${path}: not a file` };
    size = info.size;
  } catch (error) {
    return { ok: false, error: `cannot read ${path}: ${systemMessage(error)}` };
  }
  // UTF-16 takes up to twice the bytes of the same text: the limit on the text applies after decoding.
  if (size > 2 * MAX_SNAPSHOT_BYTES) {
    return { ok: false, error: `invalid snapshot: ${path} is larger than ${MAX_SNAPSHOT_BYTES / 1024 / 1024} MiB` };
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { ok: false, error: `cannot read ${path}: ${systemMessage(error)}` };
  }
  return parseSnapshotBytes(bytes);
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value);
  return json === undefined ? typeof value : json.length > 40 ? `${json.slice(0, 40)}…` : json;
}

function systemMessage(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') return 'no such file';
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    if (code === 'EISDIR') return 'it is a folder';
  }
  return error instanceof Error ? error.message : String(error);
}
