// Files the person picks (an offline update package, a received snapshot) as the contract shows them.
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { LocalFile } from '../contract/index.js';
import type { HostLocalFile } from '../host/binding.js';

/** "windows10.0-kb5011487-x64_abc.msu" -> "KB5011487"; null when the name carries no KB number. */
export function kbFromFileName(name: string): string | null {
  const match = /(?:^|[^a-z0-9])kb(\d{6,7})(?![0-9])/i.exec(name);
  return match ? `KB${match[1]}` : null;
}

/** Works for Windows paths on any platform (the simulated machine's files are Windows paths). */
export function fileNameOf(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || basename(path);
}

export function describeLocalFile(path: string, sizeBytes: number | null): LocalFile {
  const name = fileNameOf(path);
  return { path, name, sizeBytes, kb: kbFromFileName(name) };
}

/** A file on this computer's disk (Electron dialogs, received folders). */
export async function describeDiskFile(path: string): Promise<LocalFile> {
  let size: number | null = null;
  try {
    size = (await stat(path)).size;
  } catch {
    size = null;
  }
  return describeLocalFile(path, size);
}

/** A host's own files offered to pick from (both shells): update packages first that carry the wanted KB,
 * then the other packages; certificates are not offered. */
export function updateFileCandidates(files: readonly HostLocalFile[], kb: string | null): LocalFile[] {
  const packages = files.filter((file) => file.kind === 'msu' || file.kind === 'cab');
  const wanted = (file: HostLocalFile) => (file.kind !== 'cer' && kb !== null && file.kb === kb ? 0 : 1);
  return [...packages]
    .sort((a, b) => wanted(a) - wanted(b) || a.path.localeCompare(b.path))
    .map((file) => ({ ...describeLocalFile(file.path, file.sizeBytes), kb: file.kind === 'cer' ? null : file.kb }));
}
