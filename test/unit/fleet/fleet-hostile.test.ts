// Issue 15, "nothing hides in the fleet": a machine that can upload to the fleet share must not be able
// to hide another (future collectedAt, a forged twin by name), hostile characters must not reach the
// HTML, CSV or NDJSON, and the worker-thread reader must give the same summary as the in-process one.
import fc from 'fast-check';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/main.js';
import { csvCell } from '../../../src-main/fleet/csv.js';
import { fleetCsv, renderFleetHtml, summarizeFleet } from '../../../src-main/fleet/index.js';
import { renderHtmlReport } from '../../../src-main/report/html.js';
import { diagnose } from '../../../src-main/diagnosis/diagnose.js';

const fixtures = new URL('../../fixtures/snapshots/', import.meta.url).pathname;
const NOW = new Date('2026-12-05T12:00:00Z');
const made: string[] = [];
afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

async function snapshotJson(name: string): Promise<Record<string, unknown> & { host: Record<string, unknown>; collectedAt: string }> {
  return JSON.parse(await readFile(join(fixtures, name), 'utf8'));
}

async function fleetFolder(files: Record<string, unknown>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'acs-fleet-hostile-'));
  made.push(dir);
  for (const [name, value] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), JSON.stringify(value));
  }
  return dir;
}

const ACTION = 'server2019-airgapped-root-missing.json';
const READY = 'win11-23h2-healthy.json';
const REAL_ID = `sha256:${'a1'.repeat(32)}`;

let real: Awaited<ReturnType<typeof snapshotJson>>;
let forged: Awaited<ReturnType<typeof snapshotJson>>;
beforeAll(async () => {
  real = { ...(await snapshotJson(ACTION)), collectedAt: '2026-12-01T08:00:00Z' };
  real.host = { computerName: 'FIN-LAPTOP-01', domain: 'corp.example', machineId: REAL_ID };
  forged = await snapshotJson(READY);
  forged.host = { computerName: 'fin-laptop-01', domain: 'corp.example' };
});

describe('fleet forgeries', () => {
  it('refuses a snapshot collected in the future: a forged twin dated 2099 cannot replace the real one', async () => {
    const dir = await fleetFolder({ 'FIN-LAPTOP-01.json': real, 'upload/fin-laptop-01.json': { ...forged, collectedAt: '2099-01-01T00:00:00Z' } });
    const summary = await summarizeFleet(dir, { now: () => NOW, workers: 0 });
    const rows = summary.rows.filter((row) => row.computerName?.toLowerCase() === 'fin-laptop-01');
    expect(rows.map((row) => row.verdict)).toEqual(['action-required']);
    expect(summary.refused).toEqual([expect.objectContaining({ file: join('upload', 'fin-laptop-01.json'), collectedAt: '2099-01-01T00:00:00Z' })]);
    expect(summary.byVerdict.ready).toBe(0);
  });

  it('accepts a small clock skew', async () => {
    const dir = await fleetFolder({ 'a.json': { ...real, collectedAt: '2026-12-05T12:04:00Z' } });
    const summary = await summarizeFleet(dir, { now: () => NOW, workers: 0 });
    expect(summary.refused).toEqual([]);
    expect(summary.machines).toBe(1);
  });

  it('keys machines by machine id: a newer forged twin by name does not replace the real machine, and both are listed as a conflict', async () => {
    const dir = await fleetFolder({ 'FIN-LAPTOP-01.json': real, 'upload/fin-laptop-01.json': { ...forged, collectedAt: '2026-12-04T00:00:00Z' } });
    const summary = await summarizeFleet(dir, { now: () => NOW, workers: 0 });
    const rows = summary.rows.filter((row) => row.computerName?.toLowerCase() === 'fin-laptop-01');
    expect(rows.map((row) => row.verdict).sort()).toEqual(['action-required', 'ready']);
    expect(summary.byVerdict['action-required']).toBe(1);
    expect(summary.conflicts).toEqual([
      expect.objectContaining({
        reason: 'several-machines-one-name',
        computerName: 'FIN-LAPTOP-01',
        files: expect.arrayContaining([expect.objectContaining({ file: 'FIN-LAPTOP-01.json' }), expect.objectContaining({ file: join('upload', 'fin-laptop-01.json') })]),
      }),
    ]);
  });

  it('lists several snapshots of one machine instead of silently keeping one', async () => {
    const older = { ...real, collectedAt: '2026-11-01T08:00:00Z' };
    const dir = await fleetFolder({ 'new.json': real, 'old.json': older });
    const summary = await summarizeFleet(dir, { now: () => NOW, workers: 0 });
    expect(summary.machines).toBe(1);
    expect(summary.conflicts).toEqual([
      expect.objectContaining({ reason: 'several-snapshots-one-machine', kept: 'new.json', files: expect.arrayContaining([expect.objectContaining({ file: 'old.json' })]) }),
    ]);
  });

  it('for any forged twin (by name, any letter case, with or without its own machine id, any date), the real machine keeps its row and verdict', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('fin-laptop-01', 'FIN-LAPTOP-01', 'Fin-Laptop-01'),
        fc.option(fc.stringMatching(/^[0-9a-f]{64}$/), { nil: null }),
        fc.integer({ min: -30 * 24 * 60, max: 80 * 365 * 24 * 60 }),
        async (name, forgedId, minutesFromNow) => {
          const collectedAt = new Date(NOW.getTime() + minutesFromNow * 60_000).toISOString();
          fc.pre(forgedId === null || `sha256:${forgedId}` !== REAL_ID);
          const twin = { ...forged, collectedAt, host: { computerName: name, domain: 'corp.example', ...(forgedId ? { machineId: `sha256:${forgedId}` } : {}) } };
          const dir = await fleetFolder({ 'FIN-LAPTOP-01.json': real, 'upload/twin.json': twin });
          const summary = await summarizeFleet(dir, { now: () => NOW, workers: 0 });
          const realRow = summary.rows.find((row) => row.machineId === REAL_ID);
          expect(realRow?.verdict).toBe('action-required');
          // The twin is either refused (future) or listed beside the real machine as a conflict.
          const listed = summary.refused.some((entry) => entry.file.endsWith('twin.json')) || summary.conflicts.some((conflict) => conflict.files.some((file) => file.file.endsWith('twin.json')));
          expect(listed).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  }, 60_000);

  it('the worker-thread reader gives the same summary as the in-process one', async () => {
    const files: Record<string, unknown> = { 'FIN-LAPTOP-01.json': real, 'x/forged.json': { ...forged, collectedAt: '2099-01-01T00:00:00Z' }, 'bad.json': '{"format":"acs-snapshot"' };
    for (let index = 0; index < 30; index += 1) files[`m/${index}.json`] = { ...forged, host: { computerName: `PC-${index}`, domain: null } };
    const dir = await fleetFolder(files);
    const inProcess = await summarizeFleet(dir, { now: () => NOW, workers: 0 });
    const threaded = await summarizeFleet(dir, { now: () => NOW, workers: 2 });
    expect(threaded).toEqual(inProcess);
    expect(threaded.machines).toBe(31);
  }, 60_000);
});

describe('hostile characters in fleet and report outputs', () => {
  const hostileName = 'PC\u202Egnp.exe\u0000\u0085\u2066X\u001B[31m';
  it('keeps bidi and control characters out of the HTML report title and body', async () => {
    const snapshot = await snapshotJson(ACTION);
    snapshot.host = { computerName: hostileName, domain: null };
    const { validateSnapshot } = await import('../../../src-main/snapshot/parse.js');
    const parsed = validateSnapshot(snapshot);
    if (!parsed.ok) throw new Error(parsed.error);
    const page = renderHtmlReport({ snapshot: parsed.snapshot, diagnosis: diagnose(parsed.snapshot), supportCode: 'ACS-0000-0000', redacted: false, generatedAt: NOW.toISOString() });
    // eslint-disable-next-line no-control-regex -- the point of the test
    expect(page).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
    expect(page).toMatch(/<title>[^<]*PCgnp\.exe/);
  });

  it('keeps them out of the fleet HTML and CSV, and defuses formulas after a ; separator', async () => {
    const snapshot = { ...real, host: { computerName: hostileName, domain: null } };
    const dir = await fleetFolder({ 'h.json': snapshot });
    const summary = await summarizeFleet(dir, { now: () => NOW, workers: 0 });
    const page = renderFleetHtml(summary);
    const csv = fleetCsv(summary);
    // eslint-disable-next-line no-control-regex -- the point of the test
    for (const text of [page, csv]) expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
    expect(csvCell('ok;=HYPERLINK("http://evil")')).not.toMatch(/;\s*=/);
    expect(csvCell('ok; +cmd|calc')).not.toMatch(/;\s*\+/);
    expect(csvCell('a\u0000b')).toBe('a\uFFFDb');
  });

  it('writes --csv, --html and --ndjson piece by piece, the same as the whole documents', async () => {
    const files: Record<string, unknown> = {};
    for (let index = 0; index < 40; index += 1) files[`m/${index}.json`] = { ...forged, host: { computerName: `PC-${index}`, domain: null } };
    const dir = await fleetFolder(files);
    const out = { csv: join(dir, 'f.csv'), html: join(dir, 'f.html'), ndjson: join(dir, 'f.ndjson') };
    const code = await runCli(['fleet', join(dir, 'm'), '--csv', out.csv, '--html', out.html, '--ndjson', out.ndjson], { stdout: () => {}, stderr: () => {}, readStdin: async () => '' });
    expect(code).toBe(0);
    const summary = await summarizeFleet(join(dir, 'm'), { workers: 0 });
    const { fleetNdjson } = await import('../../../src-main/fleet/index.js');
    expect(await readFile(out.csv, 'utf8')).toBe(fleetCsv(summary));
    expect(await readFile(out.ndjson, 'utf8')).toBe(fleetNdjson(summary));
    const page = await readFile(out.html, 'utf8');
    expect(page.replace(/Made [^ ]+ by/, '')).toBe(renderFleetHtml(summary).replace(/Made [^ ]+ by/, ''));
  });

  it('writes NDJSON, one machine per line, with --ndjson', async () => {
    const dir = await fleetFolder({ 'a.json': real, 'b.json': { ...forged, host: { computerName: hostileName, domain: null } } });
    const out = join(dir, 'fleet.ndjson');
    let stdout = '';
    const code = await runCli(['fleet', dir, '--ndjson', out], { stdout: (text) => void (stdout += text), stderr: () => {}, readStdin: async () => '' });
    expect(code).toBe(0);
    const text = await readFile(out, 'utf8');
    expect(text).not.toMatch(/[\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
    const lines = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { computerName: string; verdict: string; machineId: string | null });
    expect(lines).toHaveLength(2);
    expect(lines.map((line) => line.computerName).sort()).toEqual(['FIN-LAPTOP-01', hostileName].sort());
    expect(lines.find((line) => line.computerName === 'FIN-LAPTOP-01')?.machineId).toBe(REAL_ID);
  });
});
