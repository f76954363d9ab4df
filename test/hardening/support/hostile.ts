// Hostile strings and snapshots for the hardening tests: markup, script links, terminal escapes and
// bidi controls salted into every free-text field of a valid snapshot (constrained fields stay valid).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateSnapshot } from '../../../src-main/snapshot/parse.js';
import type { Snapshot } from '../../../src-main/snapshot/schema.js';

export const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** One payload holding every kind of hostile text at once. */
export const HOSTILE_PAYLOAD =
  '<script>window.__pwned=1</script>' +
  '<img src=x onerror="window.__pwned=2">' +
  '"\'><svg onload=window.__pwned=3>' +
  '<a href="javascript:window.__pwned=4">click</a>' +
  'javascript:alert(5)' +
  '\u001b[31mRED\u001b[0m\u001b]8;;https://evil.example/\u0007link\u001b]8;;\u0007\u001b[2J' +
  '\u202Eevil\u202C\u2066iso\u2069\u200F\u061C\u009B31m' +
  '{{constructor.constructor("window.__pwned=6")()}}';

/** Characters that must never reach a terminal raw: ESC, other C0/C1 controls, bidi controls. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const TERMINAL_UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

export function fixtureText(name: string): string {
  return readFileSync(`${projectRoot}test/fixtures/snapshots/${name}`, 'utf8');
}

export function fixture(name: string): Snapshot {
  const parsed = validateSnapshot(JSON.parse(fixtureText(name)));
  if (!parsed.ok) throw new Error(`${name}: ${parsed.error}`);
  return parsed.snapshot;
}

type Path = (string | number)[];

function stringPaths(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (typeof value === 'string') out.push(path);
  else if (Array.isArray(value)) value.forEach((item, index) => stringPaths(item, [...path, index], out));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) stringPaths(item, [...path, key], out);
  return out;
}

function setAt(root: unknown, path: Path, value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
}

/**
 * Every string of the snapshot with the payload added (before and after the original), except
 * those the schema constrains (thumbprints, dates, KB ids, enums, format), which keep their value.
 * Returns the salted snapshot and how many fields carry the payload.
 */
export function saltSnapshot(snapshot: Snapshot, payload = HOSTILE_PAYLOAD): { snapshot: Snapshot; salted: number } {
  const copy = structuredClone(snapshot) as unknown;
  let salted = 0;
  for (const path of stringPaths(copy)) {
    const before = readAt(copy, path) as string;
    setAt(copy, path, `${payload}${before}${payload}`);
    if (validateSnapshot(copy).ok) salted++;
    else setAt(copy, path, before);
  }
  const result = validateSnapshot(copy);
  if (!result.ok) throw new Error(`cannot salt: ${result.error}`);
  return { snapshot: result.snapshot, salted };
}

function readAt(root: unknown, path: Path): unknown {
  let node = root as Record<string | number, unknown>;
  for (const key of path) node = node[key] as Record<string | number, unknown>;
  return node;
}
