// Which offered update file fits this computer (issue 16, point 7), read from its name: the KB and the
// processor architecture as the Microsoft Update Catalog writes them. The main process checks the
// chosen file itself (KB, architecture, signature) before anything is installed.
import type { LocalFile, PlanStep } from '../../src-main/contract/index.js';

/** The processor architecture a package's file name names ("windows10.0-kb5011487-x64_….msu" -> x64). */
export function fileArchitecture(name: string): string | null {
  const match = /(?:^|[-_.])(x64|amd64|x86|arm64)(?=[-_.]|$)/i.exec(name);
  if (!match?.[1]) return null;
  const arch = match[1].toLowerCase();
  return arch === 'amd64' ? 'x64' : arch;
}

/** What the update step wants: its KBs (any later cumulative one too, where it says so) and this Windows' architecture. */
export interface WantedUpdate {
  kb: string | null;
  acceptedKbs: readonly string[];
  acceptsLaterKbs: boolean;
  architecture: string | null;
}

export function wantedUpdate(step: PlanStep, architecture: string | null | undefined): WantedUpdate {
  const arch = architecture && ['x64', 'x86', 'arm64'].includes(architecture.toLowerCase()) ? architecture.toLowerCase() : null;
  return { kb: step.kb ?? null, acceptedKbs: (step.acceptedKbs ?? []).map((kb) => kb.toUpperCase()), acceptsLaterKbs: step.acceptsLaterKbs === true, architecture: arch };
}

export type FileFit = 'fits' | 'wrong-architecture' | 'other-update' | 'unknown';

/** Does the file's name say it fits? (The main process checks the file itself once it is chosen.) */
export function fileFit(file: LocalFile, wanted: WantedUpdate): FileFit {
  const arch = fileArchitecture(file.name);
  if (arch && wanted.architecture && arch !== wanted.architecture) return 'wrong-architecture';
  const kb = file.kb?.toUpperCase() ?? null;
  const known = [wanted.kb?.toUpperCase(), ...wanted.acceptedKbs].filter((value): value is string => !!value);
  if (kb && known.length > 0 && !known.includes(kb)) {
    const later = wanted.acceptsLaterKbs && wanted.kb !== null && Number(kb.slice(2)) > Number(wanted.kb.toUpperCase().slice(2));
    if (!later) return 'other-update';
  }
  return kb && (arch || !wanted.architecture) ? 'fits' : 'unknown';
}
