import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ActionJournal } from '../../../src-main/fixes/index.js';

describe('a step killed mid-way', () => {
  it('leaves a durable "started" entry that the next start reads back as unfinished', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'acs-killed-'));
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'fixtures', 'apply-then-hang.ts'), dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('INSTALLING')) resolve();
      });
      child.on('exit', () => reject(new Error(`the child ended before installing: ${output} ${errors}`)));
    });
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    // "Next start": a fresh journal object on the same file.
    const journal = new ActionJournal(join(dataDir, 'journal.jsonl'));
    const unfinished = await journal.unfinished();
    expect(unfinished).toHaveLength(1);
    expect(unfinished[0]!.started).toMatchObject({ step: 'install-windows-update', operation: 'apply', event: 'started', details: { source: 'offline', kb: 'KB5011487' } });
    expect(unfinished[0]!.message).toMatch(/did not finish/);
    expect((await journal.read()).damagedLines).toEqual([]);
  }, 30_000);
});
