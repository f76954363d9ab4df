// `npm run preview` as a person runs it (issue 16, point 13), as real processes on the built dist/:
// Ctrl+C removes the temporary data folder it made (and keeps a --data-dir); the check plays at the
// simulated machine's own pace, so a hanging event-log query really waits (--fast answers at once);
// the build step rebuilds only the parts whose sources changed.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARTS, staleReason } from '../../../scripts/build-if-stale.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const main = join(root, 'dist', 'main', 'preview', 'main.js');

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startPreviewProcess(args: string[]): Running {
  const child = spawn(process.execPath, [main, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function until<T>(get: () => T | null | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = get();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The preview's API with the token from the printed address. */
async function call(url: string, operation: string, args: unknown = {}): Promise<{ ok: boolean; value?: unknown }> {
  const address = new URL(url);
  const token = /token=([A-Za-z0-9_-]+)/.exec(address.hash)![1]!;
  const response = await fetch(`${address.origin}/api/op/${operation}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-acs-token': token }, body: JSON.stringify(args) });
  return (await response.json()) as { ok: boolean; value?: unknown };
}

beforeAll(() => {
  if (!existsSync(main) || !existsSync(join(root, 'dist', 'double'))) throw new Error('build first: npm run build (npm test does it)');
});

describe('npm run preview as a process', () => {
  const kept: string[] = [];
  afterAll(async () => {
    for (const folder of kept) await rm(folder, { recursive: true, force: true });
  });

  it('Ctrl+C removes the temporary data folder it made, with the reports saved in it', async () => {
    const preview = startPreviewProcess(['--profile', 'healthy-win11', '--fast']);
    const url = await until(() => /Open (http:\/\/\S+)/.exec(preview.output())?.[1], 'the address');
    const dataDir = await until(() => /Data folder: (\S+) \(temporary/.exec(preview.output())?.[1], 'the data folder');
    expect((await call(url, 'startProbe')).ok).toBe(true);
    const exported = (await call(url, 'exportReport', {})) as { ok: boolean; value: { folder: string } };
    expect(exported.ok).toBe(true);
    expect(existsSync(exported.value.folder)).toBe(true);
    preview.child.kill('SIGINT');
    expect(await preview.exited).toBe(0);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('keeps a --data-dir the person chose', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'acs-preview-kept-'));
    kept.push(dataDir);
    const preview = startPreviewProcess(['--profile', 'healthy-win11', '--fast', '--data-dir', dataDir]);
    const url = await until(() => /Open (http:\/\/\S+)/.exec(preview.output())?.[1], 'the address');
    expect((await call(url, 'startProbe')).ok).toBe(true);
    preview.child.kill('SIGINT');
    expect(await preview.exited).toBe(0);
    expect(existsSync(dataDir)).toBe(true);
  });

  it("a hanging event-log query really waits (the machine's 8-second budget); --fast answers at once", async () => {
    for (const fast of [false, true]) {
      const preview = startPreviewProcess(['--profile', 'probe-events-timeout', ...(fast ? ['--fast'] : [])]);
      const url = await until(() => /Open (http:\/\/\S+)/.exec(preview.output())?.[1], 'the address');
      const started = Date.now();
      const outcome = (await call(url, 'startProbe')) as { ok: boolean; value: { snapshot: { sectionErrors: { section: string }[] } } };
      const took = Date.now() - started;
      expect(outcome.ok).toBe(true);
      expect(outcome.value.snapshot.sectionErrors.map((gap) => gap.section)).toContain('events');
      if (fast) expect(took).toBeLessThan(4000);
      else expect(took).toBeGreaterThanOrEqual(7500);
      preview.child.kill('SIGINT');
      expect(await preview.exited).toBe(0);
    }
  }, 60_000);
});

describe('the preview build step rebuilds only what changed', () => {
  it('up to date when the outputs are newer than every source; stale when one source is newer or the output is missing', () => {
    const base = mkdtempSync(join(tmpdir(), 'acs-build-stale-'));
    try {
      const renderer = PARTS.find((part) => part.name === 'renderer')!;
      mkdirSync(join(base, 'src-renderer'), { recursive: true });
      writeFileSync(join(base, 'src-renderer', 'App.tsx'), 'x');
      writeFileSync(join(base, 'package.json'), '{}');
      expect(staleReason(renderer, base)).toBe('dist-renderer is missing');
      mkdirSync(join(base, 'dist-renderer'));
      writeFileSync(join(base, 'dist-renderer', 'index.html'), 'built');
      const past = new Date(Date.now() - 60_000);
      for (const file of ['src-renderer/App.tsx', 'package.json']) utimesSync(join(base, file), past, past);
      expect(staleReason(renderer, base)).toBeNull();
      const future = new Date(Date.now() + 60_000);
      utimesSync(join(base, 'src-renderer', 'App.tsx'), future, future);
      expect(staleReason(renderer, base)).toBe(`${join('src-renderer', 'App.tsx')} changed since the last build`);
    } finally {
      void rm(base, { recursive: true, force: true });
    }
  });
});
