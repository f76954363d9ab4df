// The fleet summary counts verdicts, Windows versions and missing KBs over a folder of snapshots, keeps
// one row per machine, lists unreadable files without stopping, and writes safe CSV and HTML.
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../../../src-main/diagnosis/diagnose.js';
import { fleetCsv, FleetFolderError, formatFleetText, renderFleetHtml, summarizeFleet, type FleetSummary } from '../../../src-main/fleet/index.js';
import { csvCell } from '../../../src-main/fleet/csv.js';
import { parseSnapshotBytes } from '../../../src-main/snapshot/parse.js';

const fixtures = new URL('../../fixtures/snapshots/', import.meta.url).pathname;
let folder: string;
let fixtureNames: string[];
let summary: FleetSummary;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'acs-fleet-'));
  fixtureNames = (await readdir(fixtures)).filter((name) => name.endsWith('.json'));
  await mkdir(join(folder, 'site-b', 'nested'), { recursive: true });
  for (const [index, name] of fixtureNames.entries()) {
    await copyFile(join(fixtures, name), join(folder, index % 2 ? 'site-b' : '', name));
  }
  // An older snapshot of a machine already present: the newer one must win.
  const newer = JSON.parse(await readFile(join(fixtures, 'win11-23h2-healthy.json'), 'utf8'));
  await writeFile(join(folder, 'site-b', 'nested', 'old-copy.json'), JSON.stringify({ ...newer, collectedAt: '2020-01-01T00:00:00Z', os: { ...newer.os, ubr: 1 } }));
  await writeFile(join(folder, 'truncated.json'), '{"format":"acs-snapshot","version":1,"collectedAt":');
  await writeFile(join(folder, 'wrong-shape.json'), JSON.stringify({ format: 'acs-snapshot', version: 1 }));
  await writeFile(join(folder, 'diagnosis.json'), JSON.stringify({ format: 'acs-diagnosis', version: 1 }));
  await writeFile(join(folder, 'notes.txt'), 'not json');
  summary = await summarizeFleet(folder, { concurrency: 4, now: () => new Date('2026-11-24T12:00:00Z') });
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('summarizeFleet', () => {
  it('counts the same verdicts as diagnosing each machine on its own', async () => {
    const expected: Record<string, number> = { ready: 0, 'action-required': 0, unsupported: 0, unknown: 0 };
    const names = new Set<string>();
    for (const name of fixtureNames) {
      const parsed = parseSnapshotBytes(await readFile(join(fixtures, name)));
      if (!parsed.ok) throw new Error(parsed.error);
      const machine = parsed.snapshot.host?.computerName?.toLowerCase() ?? name;
      if (names.has(machine)) continue;
      names.add(machine);
      expected[diagnose(parsed.snapshot).verdict]! += 1;
    }
    expect(summary.byVerdict).toEqual(expected);
    expect(summary.machines).toBe(names.size);
    expect(summary.rows).toHaveLength(summary.machines);
  });

  it('keeps the newest snapshot of a machine seen twice', () => {
    const healthy = summary.rows.filter((row) => row.file.endsWith('win11-23h2-healthy.json') || row.file.endsWith('old-copy.json'));
    expect(healthy).toHaveLength(1);
    expect(healthy[0]?.file).toMatch(/win11-23h2-healthy\.json$/);
    expect(summary.snapshots).toBe(fixtureNames.length + 1);
  });

  it('lists unreadable files with the reason, skips other files of this program, ignores non-JSON files', () => {
    expect(summary.unreadable.map((entry) => entry.file)).toEqual(['truncated.json', 'wrong-shape.json']);
    expect(summary.unreadable[0]?.error).toMatch(/not valid JSON/);
    expect(summary.unreadable[1]?.error).toMatch(/^invalid snapshot: collectedAt/);
    expect(summary.skipped).toEqual([{ file: 'diagnosis.json', reason: 'acs-diagnosis, not a snapshot', reasonMessage: { id: 'fleet.otherFormat', params: { format: 'acs-diagnosis' } } }]);
    expect(summary.filesRead).toBe(fixtureNames.length + 4);
  });

  it('counts Windows versions and missing KBs from the rows', () => {
    const total = (counts: { count: number }[]) => counts.reduce((sum, entry) => sum + entry.count, 0);
    expect(total(summary.byWindowsVersion)).toBe(summary.machines);
    const missing = summary.rows.filter((row) => row.missingKb !== null);
    expect(missing.length).toBeGreaterThan(3);
    expect(total(summary.byMissingKb)).toBe(missing.length);
    expect(summary.byMissingKb.find((entry) => entry.key === 'KB5005625')?.count).toBeGreaterThanOrEqual(1);
    expect(summary.rows.every((row) => /^ACS-/.test(row.supportCode))).toBe(true);
  });

  it('writes one CSV line per machine, with formula-looking cells defused', () => {
    const csv = fleetCsv(summary);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('computerName,verdict,windows,build,windowsUpdate,missingKb,rootCertificate,rootAutoUpdate,agentServices,pendingReboot,collectedAt,supportCode,file,headline,machineId');
    expect(lines).toHaveLength(summary.machines + 1);
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell(null)).toBe('');
  });

  it('renders an inert HTML page and a text summary', () => {
    const hostile = { ...summary, rows: [{ ...summary.rows[0]!, computerName: '<script>alert(1)</script>' }] };
    const page = renderFleetHtml(hostile);
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain("default-src 'none'".replace(/'/g, '&#39;'));
    const text = formatFleetText(summary);
    expect(text).toContain(`Fleet summary of ${summary.folder}: ${summary.machines} machines`);
    expect(text).toContain('Unreadable files (2):');
  });

  it('refuses a folder that does not exist with a clear error', async () => {
    await expect(summarizeFleet(join(folder, 'nope'))).rejects.toThrow(FleetFolderError);
    await expect(summarizeFleet(join(folder, 'notes.txt'))).rejects.toThrow(/is not a folder/);
  });
});
