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
  return `invalid ${what}: ${formatIssuePath(issue.path)}: ${issue.message}${more}`;
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
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `invalid snapshot: not valid JSON (${reason})` };
  }
  return validateSnapshot(value);
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
  if (size > MAX_SNAPSHOT_BYTES) {
    return { ok: false, error: `invalid snapshot: ${path} is larger than ${MAX_SNAPSHOT_BYTES / 1024 / 1024} MiB` };
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { ok: false, error: `cannot read ${path}: ${systemMessage(error)}` };
  }
  return parseSnapshotText(text);
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
