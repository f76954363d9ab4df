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
  vulnerabilities: { 'some-lib': { name: 'some-lib', severity: 'high', via: [{ title: 'Command injection in some-lib', url: 'https://github.com/advisories/GHSA-xxxx', severity: 'high' }], range: '<1.2.3', fixAvailable: true } },
  metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 1, critical: 0, total: 1 }, dependencies: { prod: 40 } },
};
const CLEAN = { auditReportVersion: 2, vulnerabilities: {}, metadata: { vulnerabilities: { info: 0, low: 0, moderate: 1, high: 0, critical: 0, total: 1 }, dependencies: { prod: 40 } } };
const UNREACHABLE = { message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', statusCode: 405, error: { summary: '', detail: '' } };

async function runAuditStep(npmPrints: unknown, exitCode: number, env: Record<string, string> = {}): Promise<{ result: { status: string; reason: string; findings: unknown[] }; summary: string }> {
  const work = await mkdtemp(join(tmpdir(), 'acs-audit-'));
  const bin = join(work, 'bin');
  await mkdir(bin);
  await writeFile(join(bin, 'npm'), `#!${process.execPath}\nprocess.stdout.write(${JSON.stringify(JSON.stringify(npmPrints))});process.exitCode=${exitCode};\n`);
  await chmod(join(bin, 'npm'), 0o755);
  const run = (args: string[]) =>
    new Promise<string>((resolve) => {
      execFile(process.execPath, args, { cwd: work, env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, ...env }, timeout: 30_000 }, (_error, stdout) => resolve(stdout));
    });
  await run([join(projectRoot, 'scripts', 'npm-audit.mjs')]);
  const result = JSON.parse(await readFile(join(work, 'test-results', 'audit.json'), 'utf8')) as { status: string; reason: string; findings: unknown[] };
  await writeFile(join(work, 'test-results', 'vitest.json'), JSON.stringify({ numPassedTests: 3, numFailedTests: 0, numTotalTests: 3, success: true }));
  const summary = (await run([join(projectRoot, 'scripts', 'count-results.mjs'), 'test-results/vitest.json', 'test-results/playwright.json', 'test-results/audit.json'])).trim();
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

  it('an unreachable audit service is a skip with the reason, or a failure when required', async () => {
    const skipped = await runAuditStep(UNREACHABLE, 1);
    expect(skipped.result.status).toBe('skipped');
    expect(skipped.result.reason).toMatch(/405 Method Not Allowed/);
    expect(skipped.summary).toBe('3 passed, 0 failed, 1 skipped');
    const required = await runAuditStep(UNREACHABLE, 1, { ACS_AUDIT_REQUIRED: '1' });
    expect(required.result.status).toBe('failed');
  });
});
