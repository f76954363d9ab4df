// The CI audit step (scripts/npm-audit.mjs) and its place in the totals (scripts/count-results.mjs),
// driven by a stand-in `npm` on PATH that prints what npm audit prints: a high advisory fails the step,
// a clean report passes it, an unreachable audit service skips it with the reason (or fails it when
// ACS_AUDIT_REQUIRED=1), and the final "N passed, N failed" line counts it as one test.
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from './support/hostile.js';

const HIGH = {
  auditReportVersion: 2,
  vulnerabilities: {
    'some-lib': {
      name: 'some-lib',
      severity: 'high',
      via: [{ title: 'Command injection in some-lib', url: 'https://github.com/advisories/GHSA-xxxx', severity: 'high' }],
      range: '<1.2.3',
      fixAvailable: true,
    },
  },
  metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 1, critical: 0, total: 1 }, dependencies: { prod: 40 } },
};
const CLEAN = {
  auditReportVersion: 2,
  vulnerabilities: { zod: { name: 'zod', severity: 'moderate', via: [{ title: 'Slow regular expression', severity: 'moderate' }], range: '<4.0.1' } },
  metadata: { vulnerabilities: { info: 0, low: 0, moderate: 1, high: 0, critical: 0, total: 1 }, dependencies: { prod: 40 } },
};
/** What `npm ls --omit=dev --all --json` prints for this project (shortened). */
const PRODUCTION_TREE = {
  name: 'acs-support-assistant',
  dependencies: { 'some-lib': { version: '1.0.0' }, qrcode: { version: '1.5.4', dependencies: { pngjs: { version: '5.0.0' } } }, zod: { version: '4.6.7' } },
};
const DEV_ONLY = ['electron', 'vite'];
const ELECTRON_HIGH = {
  auditReportVersion: 2,
  vulnerabilities: {
    electron: {
      name: 'electron',
      severity: 'high',
      via: [{ title: 'Electron context isolation bypass', url: 'https://github.com/advisories/GHSA-yyyy', severity: 'high' }],
      range: '<45.9.9',
      fixAvailable: true,
    },
    vite: { name: 'vite', severity: 'high', via: [{ title: 'Dev server file read', url: 'https://github.com/advisories/GHSA-zzzz', severity: 'high' }], range: '<8.9.9', fixAvailable: true },
  },
  metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 2, critical: 0, total: 2 }, dependencies: { prod: 40, dev: 500 } },
};
const UNREACHABLE = { message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', statusCode: 405, error: { summary: '', detail: '' } };

async function runAuditStep(npmPrints: unknown, exitCode: number, env: Record<string, string> = {}): Promise<{ result: { status: string; reason: string; findings: unknown[] }; summary: string }> {
  const work = await mkdtemp(join(tmpdir(), 'acs-audit-'));
  const bin = join(work, 'bin');
  await mkdir(bin);
  // Like npm: `ls` prints the production tree; `audit --omit=dev` leaves out what package.json marks as
  // a dev dependency (electron is one, although the installer carries its runtime).
  const stand_in = `
const args = process.argv.slice(2);
if (args[0] === 'ls') {
  process.stdout.write(JSON.stringify(${JSON.stringify(PRODUCTION_TREE)}));
} else {
  const report = JSON.parse(${JSON.stringify(JSON.stringify(npmPrints))});
  if (args.includes('--omit=dev') && report.vulnerabilities) for (const name of ${JSON.stringify(DEV_ONLY)}) delete report.vulnerabilities[name];
  process.stdout.write(JSON.stringify(report));
  process.exitCode = ${exitCode};
}
`;
  await writeFile(join(bin, 'npm'), `#!${process.execPath}\n${stand_in}`);
  await chmod(join(bin, 'npm'), 0o755);
  const run = (args: string[]) =>
    new Promise<string>((resolve) => {
      execFile(process.execPath, args, { cwd: work, env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, ...env }, timeout: 30_000 }, (_error, stdout) => resolve(stdout));
    });
  await run([join(projectRoot, 'scripts', 'npm-audit.mjs')]);
  const result = JSON.parse(await readFile(join(work, 'test-results', 'audit.json'), 'utf8')) as { status: string; reason: string; findings: unknown[] };
  await writeFile(join(work, 'test-results', 'vitest.json'), JSON.stringify({ numPassedTests: 3, numFailedTests: 0, numTotalTests: 3, success: true }));
  const summary = (
    await run([join(projectRoot, 'scripts', 'count-results.mjs'), 'vitest:test-results/vitest.json', 'playwright:test-results/playwright.json', 'audit:test-results/audit.json'])
  ).trim();
  return { result, summary };
}

describe('npm audit in CI', () => {
  it('a high advisory in a shipped dependency fails the step, lists it, and counts as one failed test', async () => {
    const { result, summary } = await runAuditStep(HIGH, 1);
    expect(result.status).toBe('failed');
    expect(result.findings).toEqual([expect.objectContaining({ name: 'some-lib', severity: 'high', title: 'Command injection in some-lib' })]);
    expect(summary).toBe('3 passed, 1 failed, 0 skipped');
  });

  it('no high or critical advisory passes the step as one test', async () => {
    const { result, summary } = await runAuditStep(CLEAN, 0);
    expect(result.status).toBe('passed');
    expect(result.reason).toMatch(/0 critical, 0 high, 1 moderate/);
    expect(summary).toBe('4 passed, 0 failed, 0 skipped');
  });

  // Issue 15: electron is a dev dependency for npm, so `--omit=dev` never audited the runtime the installer ships.
  it('audits what the installer carries: an Electron advisory fails the step, a dev-only tool does not count', async () => {
    const { result, summary } = await runAuditStep(ELECTRON_HIGH, 1);
    expect(result.status).toBe('failed');
    expect(result.findings).toEqual([expect.objectContaining({ name: 'electron', severity: 'high', title: 'Electron context isolation bypass' })]);
    expect(summary).toBe('3 passed, 1 failed, 0 skipped');
  });

  it('an unreachable audit service is a skip with the reason, or a failure when required', async () => {
    const skipped = await runAuditStep(UNREACHABLE, 1);
    expect(skipped.result.status).toBe('skipped');
    expect(skipped.result.reason).toMatch(/405 Method Not Allowed/);
    expect(skipped.summary).toBe('3 passed, 0 failed, 1 skipped');
    const required = await runAuditStep(UNREACHABLE, 1, { ACS_AUDIT_REQUIRED: '1' });
    expect(required.result.status).toBe('failed');
  });
});
