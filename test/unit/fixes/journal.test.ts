import { appendFile, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ActionJournal, JournalWriteError, nodeJournalFile, type JournalFile } from '../../../src-main/fixes/journal.js';

const base = { user: 'tech', computer: 'PC-1', step: 'install-root-certificate' as const, operation: 'apply' as const, writer: 'app' as const, commands: [] };

async function tempJournal(): Promise<ActionJournal> {
  const dir = await mkdtemp(join(tmpdir(), 'acs journal ü '));
  return new ActionJournal(join(dir, 'data', 'journal.jsonl'));
}

describe('action journal', () => {
  it('appends one JSON line per entry and reads them back in order', async () => {
    const journal = await tempJournal();
    const started = await journal.append({ ...base, event: 'started' });
    await journal.append({ ...base, event: 'finished', runId: started.runId, status: 'succeeded', verified: true, details: { added: true } });
    const text = await readFile(journal.path, 'utf8');
    expect(text.split('\n').filter(Boolean)).toHaveLength(2);
    const { entries, damagedLines } = await journal.read();
    expect(damagedLines).toEqual([]);
    expect(entries.map((entry) => entry.event)).toEqual(['started', 'finished']);
    expect(entries[1]!.details).toEqual({ added: true });
  });

  it('never rewrites earlier lines: the file only grows', async () => {
    const journal = await tempJournal();
    await journal.append({ ...base, event: 'started' });
    const first = await readFile(journal.path, 'utf8');
    await journal.append({ ...base, event: 'started' });
    expect((await readFile(journal.path, 'utf8')).startsWith(first)).toBe(true);
  });

  it('lists a started run without its finished entry as unfinished', async () => {
    const journal = await tempJournal();
    const done = await journal.append({ ...base, event: 'started' });
    await journal.append({ ...base, event: 'finished', runId: done.runId, status: 'succeeded' });
    const cut = await journal.append({ ...base, step: 'install-windows-update', event: 'started' });
    const unfinished = await journal.unfinished();
    expect(unfinished.map((run) => run.started.runId)).toEqual([cut.runId]);
    expect(unfinished[0]!.message).toMatch(/install-windows-update.*did not finish/);
  });

  it('tolerates a torn last line and starts the next entry on a fresh line', async () => {
    const journal = await tempJournal();
    const started = await journal.append({ ...base, event: 'started' });
    await appendFile(journal.path, '{"format":"acs-journal","version":1,"event":"fini');
    let read = await journal.read();
    expect(read.entries).toHaveLength(1);
    expect(read.damagedLines).toHaveLength(1);
    expect(read.damagedLines[0]!.reason).toMatch(/incomplete line/);
    await journal.append({ ...base, event: 'finished', runId: started.runId, status: 'failed' });
    read = await journal.read();
    expect(read.entries.map((entry) => entry.event)).toEqual(['started', 'finished']);
    expect(read.damagedLines).toHaveLength(1);
    expect(await journal.unfinished()).toEqual([]);
  });

  it('reports a line that is JSON but not a journal entry without losing the others', async () => {
    const journal = await tempJournal();
    await journal.append({ ...base, event: 'started' });
    await appendFile(journal.path, '{"hello":"world"}\n');
    const read = await journal.read();
    expect(read.entries).toHaveLength(1);
    expect(read.damagedLines[0]!.lineNumber).toBe(2);
  });

  it('reads a journal that does not exist yet as empty', async () => {
    const journal = await tempJournal();
    expect(await journal.read()).toEqual({ entries: [], damagedLines: [] });
    expect(await journal.unfinished()).toEqual([]);
  });

  it('surfaces a full disk as a clear JournalWriteError and keeps every earlier line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'acs-journal-'));
    const path = join(dir, 'journal.jsonl');
    let full = false;
    const file: JournalFile = {
      readText: nodeJournalFile.readText,
      async appendDurably(target, data) {
        if (full) {
          // A partial write, then ENOSPC, as a nearly full disk does.
          await appendFile(target, data.slice(0, 10));
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        }
        await nodeJournalFile.appendDurably(target, data);
      },
    };
    const journal = new ActionJournal(path, file);
    await journal.append({ ...base, event: 'started' });
    const before = await readFile(path, 'utf8');
    full = true;
    const error = await journal.append({ ...base, event: 'finished', status: 'succeeded' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(JournalWriteError);
    expect((error as JournalWriteError).code).toBe('ENOSPC');
    expect((error as Error).message).toMatch(/disk .* is full/);
    expect((await readFile(path, 'utf8')).startsWith(before)).toBe(true);
    const read = await journal.read();
    expect(read.entries).toHaveLength(1);
  });

  it('rejects an entry that does not fit the format before writing anything', async () => {
    const journal = await tempJournal();
    await expect(journal.append({ ...base, step: 'format-disk' as never, event: 'started' })).rejects.toThrow();
    expect(await journal.read()).toEqual({ entries: [], damagedLines: [] });
  });

  it('finds the newest finished entry of a step', async () => {
    const journal = await tempJournal();
    await journal.append({ ...base, event: 'finished', status: 'refused' });
    await journal.append({ ...base, event: 'finished', status: 'succeeded' });
    expect((await journal.lastFinished('install-root-certificate'))?.status).toBe('succeeded');
    expect(await journal.lastFinished('reboot')).toBeNull();
  });
});
