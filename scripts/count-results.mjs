// Adds up the JSON reports of Vitest, Playwright, Pester and the npm audit step and prints "N passed, N failed, N skipped".
// A report that is missing or unreadable counts as one failure, so a crashed suite cannot pass.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    console.error(`count-results: cannot read ${path}: ${error.message}`);
    failed += 1;
    return null;
  }
}

function countVitest(report) {
  // Vitest's JSON reporter follows Jest's shape.
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  if (report.numTotalTests === 0) failed += 1; // a suite that ran nothing is a broken suite
  if (report.success === false && (report.numFailedTests ?? 0) === 0) failed += 1; // e.g. a file failed to load
}

function countPlaywright(report) {
  const stats = report.stats ?? {};
  passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  failed += stats.unexpected ?? 0;
  skipped += stats.skipped ?? 0;
  if (Array.isArray(report.errors) && report.errors.length > 0 && (stats.unexpected ?? 0) === 0) failed += 1;
}

// npm audit of shipped dependencies (scripts/npm-audit.mjs): one test.
function countAudit(result) {
  if (result.status === 'passed') passed += 1;
  else if (result.status === 'skipped') skipped += 1;
  else failed += 1;
}

// Pester (scripts/run-pester.ps1 writes {passed, failed, skipped}).
function countPester(result) {
  passed += result.passed ?? 0;
  failed += result.failed ?? 0;
  skipped += result.skipped ?? 0;
  if ((result.passed ?? 0) + (result.failed ?? 0) === 0) failed += 1;
}

// Arguments: KIND:PATH (vitest, playwright, audit, pester); --summary FILE writes the line there too.
const args = process.argv.slice(2);
let summaryFile = 'test-results/summary.txt';
const counters = { vitest: countVitest, playwright: countPlaywright, audit: countAudit, pester: countPester };
for (let index = 0; index < args.length; index += 1) {
  const arg = args[index];
  if (arg === '--summary') {
    summaryFile = args[++index];
    continue;
  }
  const [kind, ...rest] = arg.split(':');
  const path = rest.join(':');
  if (!counters[kind]) {
    console.error(`count-results: unknown report kind in ${arg}`);
    failed += 1;
    continue;
  }
  if (kind === 'playwright' && !existsSync('playwright.config.ts')) continue;
  const report = readJson(path);
  if (report) counters[kind](report);
}
const summary = `${passed} passed, ${failed} failed, ${skipped} skipped`;
console.log(summary);
writeFileSync(summaryFile, `${summary}\n`);
process.exit(failed > 0 ? 1 : 0);
