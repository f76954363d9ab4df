// report, decode and fleet run as real processes (bin/acs-assistant.js on the built dist/), as fleet tools and helpdesk scripts run them.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = `${root}bin/acs-assistant.js`;
const fixture = (name: string) => `${root}test/fixtures/snapshots/${name}`;

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [bin, ...args], { cwd: root, timeout: 20_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
    child.stdin?.end();
  });
}

let folder: string;
beforeAll(async () => {
  if (!existsSync(`${root}dist/main/cli/commands/fleet.js`)) throw new Error('build first: npm run build (npm test does it)');
  folder = await mkdtemp(join(tmpdir(), 'acs-cli-process-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('report, decode and fleet as processes', () => {
  it('report writes the folder and prints the support code; decode reads that code back', async () => {
    const out = join(folder, 'report');
    const report = await run(['report', fixture('server2019-air-gapped-missing-update-and-root.json'), '--out', out]);
    expect(report.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['diagnosis.json', 'manifest.json', 'report.html', 'snapshot.json', 'summary.json']);
    const code = /Support code: (ACS-\w{4}-\w{4})/.exec(report.stdout)?.[1];
    expect(code).toBeDefined();
    const decode = await run(['decode', code!]);
    expect(decode.code).toBe(0);
    expect(decode.stdout).toContain('Windows Server 2019 (build 17763.1999)');
  });

  it('decode exits 65 for a misheard code', async () => {
    const result = await run(['decode', 'ACS-2NPX-1YFY']);
    expect(result.code).toBe(65);
    expect(result.stderr).toContain('check character');
  });

  it('fleet summarises a folder and exits 0 even with an unreadable file', async () => {
    const fleet = join(folder, 'fleet');
    await mkdir(fleet);
    await writeFile(join(fleet, 'bad.json'), 'nope');
    await copyFile(fixture('win11-23h2-healthy.json'), join(fleet, 'a.json'));
    const result = await run(['fleet', fleet, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ machines: 1, unreadable: [{ file: 'bad.json' }] });
  });
});
