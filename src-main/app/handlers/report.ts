// Sharing and receiving: redaction preview, report export (PDF where the shell can print), opening
// a snapshot or report folder from a customer (read-only), support codes.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { LocalFile } from '../../contract/index.js';
import { BridgeError, type OperationResults, type ReportFile, type ValidatedArgs } from '../../contract/index.js';
import { RedactionLimitError } from '../../redaction/redact.js';
import { RedactionLeakError } from '../../report/export.js';
import type { AppSession } from '../session.js';
import { summarizeSnapshot } from '../summaries.js';

/** The files a chosen folder offers when it is not one report folder (issue 16, point 8): its snapshot
 * files and subfolders, newest first; report side files are not snapshots. */
async function folderChoices(folder: string): Promise<LocalFile[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const sideFiles = new Set(['manifest.json', 'summary.json', 'diagnosis.json']);
  const entries = await Promise.all(
    names.map(async (name) => {
      const path = join(folder, name);
      const info = await stat(path).catch(() => null);
      if (!info || sideFiles.has(name.toLowerCase()) || !(info.isDirectory() || (info.isFile() && name.toLowerCase().endsWith('.json')))) return null;
      return { file: { path, name, sizeBytes: info.isFile() ? info.size : null, kb: null }, modified: info.mtimeMs };
    }),
  );
  return entries
    .filter((entry): entry is NonNullable<typeof entry> => entry !== null)
    .sort((a, b) => b.modified - a.modified || a.file.name.localeCompare(b.file.name))
    .map((entry) => entry.file);
}

/** Redaction refusing the material (too many values) or its own output (a leftover value) is an answer
 * for the person, with its sentence, not an internal error. */
async function redactionAnswer<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RedactionLimitError || error instanceof RedactionLeakError) throw new BridgeError('failed', error.message);
    throw error;
  }
}

function reportFileKind(name: string): ReportFile['kind'] {
  const extension = name.toLowerCase().split('.').pop() ?? '';
  if (extension === 'json' || extension === 'html' || extension === 'pdf') return extension;
  if (extension === 'txt' || extension === 'md') return 'text';
  return 'other';
}

/** "2026-11-24T14:08:26.123Z" -> "20261124-140826" (safe in folder names on every file system). */
function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

export function reportHandlers(session: AppSession) {
  return {
    async previewRedaction(): Promise<OperationResults['previewRedaction']> {
      const current = session.current();
      const journal = current.origin === 'this-machine' ? (await session.journal.read()).entries : [];
      const { replacements } = await redactionAnswer(() => session.services.previewRedaction({ snapshot: current.snapshot, diagnosis: current.diagnosis, journal }));
      return { replacements };
    },

    async exportReport(args: ValidatedArgs<'exportReport'>): Promise<OperationResults['exportReport']> {
      const current = session.current();
      const base = args.destination === 'choose' ? await session.shell.chooseExportFolder() : join(session.options.workDir, 'reports');
      if (base === null) throw new BridgeError('cancelled', 'No folder was chosen; nothing was written.');
      const who = (current.snapshot.host?.computerName ?? 'computer').replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40);
      const outDir = join(base, `acs-report-${args.redact ? 'redacted' : who}-${stamp(session.now())}`);
      const journal = current.origin === 'this-machine' ? (await session.journal.read()).entries : [];
      const printPdf = session.shell.printPdf;
      const written = await redactionAnswer(() =>
        session.services.exportReport({
          snapshot: current.snapshot,
          diagnosis: current.diagnosis,
          journal,
          outDir,
          redact: args.redact,
          ...(args.pdf && printPdf ? { renderPdf: printPdf } : {}),
          now: () => session.now(),
        }),
      );
      // The saved report's folder (and the one it went into) can be opened; "Save as PDF" prints it.
      session.knowFolder(written.outDir);
      session.knowFolder(base);
      session.lastReportFolder = written.outDir;
      return {
        folder: written.outDir,
        files: written.files.map((file) => ({ name: file.name, path: file.path, kind: reportFileKind(file.name) })),
        redacted: written.redacted,
        supportCode: written.summary.supportCode,
      };
    },

    async openReceived({ path, folder }: ValidatedArgs<'openReceived'>): Promise<OperationResults['openReceived']> {
      const choice = path === undefined ? await session.shell.chooseReceived(folder === true) : ({ kind: 'chosen', file: session.offered(path) } as const);
      if (choice.kind === 'cancelled') return { status: 'cancelled' };
      if (choice.kind === 'pick') return { status: 'pick', candidates: session.offer(choice.candidates) };
      const opened = await session.services.openReceived(choice.file.path);
      if (!opened.ok) {
        // A folder that is not one report folder: offer what is in it instead of ending the journey.
        const inside = (await stat(choice.file.path).catch(() => null))?.isDirectory() ? await folderChoices(choice.file.path) : [];
        if (inside.length > 0) return { status: 'pick', candidates: session.offer(inside) };
        throw new BridgeError('not-found', opened.error);
      }
      const { snapshot, diagnosis, integrity, warnings } = opened;
      const received = { ...opened.origin, openedAt: session.now().toISOString(), integrity, warnings };
      session.received = { origin: received, snapshot, diagnosis };
      return { status: 'opened', received, snapshot: summarizeSnapshot(snapshot), diagnosis };
    },

    async closeReceived(): Promise<OperationResults['closeReceived']> {
      const closed = session.received !== null;
      session.received = null;
      return { closed };
    },

    async decodeSupportCode({ code }: ValidatedArgs<'decodeSupportCode'>): Promise<OperationResults['decodeSupportCode']> {
      const decoded = session.services.decodeSupportCode(code);
      if (!decoded.ok) throw new BridgeError('invalid-argument', decoded.error);
      return { code: decoded.code, facts: decoded.facts, advice: decoded.advice ?? null };
    },
  };
}
