// The action journal: an append-only JSON-lines file in the app's data folder. Each line is written
// and fsync'ed before the action it records goes on; the file is never rewritten, so a crash or a
// power cut loses at most the line being written, and a 'started' without 'finished' shows what
// was left half-done.
import { randomUUID } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { JOURNAL_FORMAT, JOURNAL_VERSION, journalEntrySchema, type JournalEntry } from '../journal/entry.js';
import { english, said, type MessageRef } from './texts.js';

export type { JournalEntry, JournalCommand } from '../journal/entry.js';

/** Thrown when a line cannot be made durable; the fix must not go on. */
export class JournalWriteError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'JournalWriteError';
  }
}

export interface JournalReadResult {
  entries: JournalEntry[];
  /** Lines that could not be read (a torn last line after a power cut, or a line edited by hand). */
  damagedLines: { lineNumber: number; text: string; reason: string }[];
}

/** A run that wrote 'started' but never 'finished'. */
export interface UnfinishedRun {
  started: JournalEntry;
  /** Plain words for the start screen. */
  message: string;
  messageRef: MessageRef;
}

/** Low-level durable append, replaceable in tests (disk full, torn writes). */
export interface JournalFile {
  /** Appends bytes and flushes them to the disk before resolving. */
  appendDurably(path: string, data: string): Promise<void>;
  /** The whole file, or null when it does not exist yet. */
  readText(path: string): Promise<string | null>;
}

export const nodeJournalFile: JournalFile = {
  async appendDurably(path, data) {
    await mkdir(dirname(path), { recursive: true });
    const handle = await open(path, fsConstants.O_WRONLY | fsConstants.O_APPEND | fsConstants.O_CREAT, 0o600);
    try {
      await handle.write(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  async readText(path) {
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  },
};

export type NewJournalEntry = Omit<JournalEntry, 'format' | 'version' | 'time' | 'runId' | 'details'> & {
  runId?: string;
  time?: string;
  details?: Record<string, unknown>;
};

export class ActionJournal {
  constructor(
    readonly path: string,
    private readonly file: JournalFile = nodeJournalFile,
    private readonly now: () => Date = () => new Date(),
  ) {}

  static newRunId(): string {
    return randomUUID();
  }

  /** Appends one entry durably. Throws JournalWriteError (disk full, no access); the file keeps every earlier line. */
  async append(entry: NewJournalEntry): Promise<JournalEntry> {
    const full = journalEntrySchema.parse({
      ...entry,
      format: JOURNAL_FORMAT,
      version: JOURNAL_VERSION,
      runId: entry.runId ?? ActionJournal.newRunId(),
      time: entry.time ?? this.now().toISOString(),
      details: entry.details ?? {},
    });
    let prefix = '';
    try {
      // A line torn by a crash has no newline: start on a fresh line so this one stays readable.
      const existing = await this.file.readText(this.path);
      if (existing && !existing.endsWith('\n')) prefix = '\n';
      await this.file.appendDurably(this.path, `${prefix}${JSON.stringify(full)}\n`);
    } catch (error) {
      throw journalError(error, this.path);
    }
    return full;
  }

  /** Every readable entry in file order; damaged lines are reported, never fatal. */
  async read(): Promise<JournalReadResult> {
    const text = await this.file.readText(this.path);
    if (text === null) return { entries: [], damagedLines: [] };
    const entries: JournalEntry[] = [];
    const damagedLines: JournalReadResult['damagedLines'] = [];
    text.split('\n').forEach((line, index) => {
      if (line.trim() === '') return;
      try {
        const parsed = journalEntrySchema.safeParse(JSON.parse(line));
        if (parsed.success) entries.push(parsed.data);
        else damagedLines.push({ lineNumber: index + 1, text: line.slice(0, 200), reason: parsed.error.issues[0]?.message ?? 'not a journal entry' });
      } catch {
        damagedLines.push({ lineNumber: index + 1, text: line.slice(0, 200), reason: 'incomplete line (the program or Windows stopped while writing it)' });
      }
    });
    return { entries, damagedLines };
  }

  /** Runs that started and never finished: what the next start must tell the person about. */
  async unfinished(): Promise<UnfinishedRun[]> {
    const { entries } = await this.read();
    const finished = new Set(entries.filter((entry) => entry.event === 'finished').map((entry) => entry.runId));
    return entries
      .filter((entry) => entry.event === 'started' && !finished.has(entry.runId))
      .map((started) => {
        const ref = unfinishedMessage(started);
        return { started, message: english(ref), messageRef: ref };
      });
  }

  /** The newest finished entry of a step, optionally only those matching a test. */
  async lastFinished(step: JournalEntry['step'], test: (entry: JournalEntry) => boolean = () => true): Promise<JournalEntry | null> {
    const { entries } = await this.read();
    for (let index = entries.length - 1; index >= 0; index -= 1) {
      const entry = entries[index]!;
      if (entry.event === 'finished' && entry.step === step && test(entry)) return entry;
    }
    return null;
  }
}

function unfinishedMessage(entry: JournalEntry): MessageRef {
  if (entry.step === 'reboot') return said('fix.journal.restartStarted', { time: entry.time });
  return said('fix.journal.unfinished', { operation: entry.operation, step: entry.step, time: entry.time });
}

function journalError(error: unknown, path: string): JournalWriteError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return new JournalWriteError(`The disk holding the action journal is full (${path}). Nothing was changed; free some space and try again.`, code);
  if (code === 'EACCES' || code === 'EPERM') return new JournalWriteError(`The action journal cannot be written (${path}: access denied). Nothing was changed.`, code);
  if (code === 'EROFS') return new JournalWriteError(`The action journal is on a read-only disk (${path}). Nothing was changed.`, code);
  return new JournalWriteError(`The action journal could not be written (${path}): ${error instanceof Error ? error.message : String(error)}. Nothing was changed.`, code);
}
