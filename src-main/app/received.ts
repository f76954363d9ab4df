// Reads a snapshot received from someone else: a snapshot .json file, or a report folder holding one.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BridgeError } from '../contract/index.js';
import { readSnapshotFile } from '../snapshot/parse.js';
import type { Snapshot } from '../snapshot/schema.js';

/** Names a report folder's snapshot usually has, tried first. */
const PREFERRED_NAMES = ['snapshot.json', 'acs-snapshot.json'];

export async function readReceivedSnapshot(path: string): Promise<Snapshot> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new BridgeError('not-found', `${path} does not exist or cannot be read.`);
  }
  if (info.isFile()) {
    const parsed = await readSnapshotFile(path);
    if (!parsed.ok) throw new BridgeError('invalid-argument', parsed.error);
    return parsed.snapshot;
  }
  if (!info.isDirectory()) throw new BridgeError('not-found', `${path} is neither a snapshot file nor a report folder.`);
  const names = (await readdir(path)).filter((name) => name.toLowerCase().endsWith('.json'));
  names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const problems: string[] = [];
  for (const name of names) {
    const parsed = await readSnapshotFile(join(path, name));
    if (parsed.ok) return parsed.snapshot;
    problems.push(`${name}: ${parsed.error}`);
  }
  throw new BridgeError(
    'not-found',
    names.length === 0 ? `The folder ${path} holds no snapshot (.json) file.` : `No file in ${path} is a valid snapshot (${problems.slice(0, 2).join('; ')}).`,
  );
}

function rank(name: string): number {
  const index = PREFERRED_NAMES.indexOf(name.toLowerCase());
  return index === -1 ? PREFERRED_NAMES.length : index;
}
