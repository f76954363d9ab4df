// Adds up the JSON reports of Vitest, Playwright and the npm audit step and prints "N passed, N failed, N skipped".
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

const [vitestPath, playwrightPath, auditPath] = process.argv.slice(2);
const vitest = readJson(vitestPath);
if (vitest) countVitest(vitest);
if (playwrightPath && existsSync('playwright.config.ts')) {
  const playwright = readJson(playwrightPath);
  if (playwright) countPlaywright(playwright);
}
if (auditPath) {
  const audit = readJson(auditPath);
  if (audit) countAudit(audit);
}
const summary = `${passed} passed, ${failed} failed, ${skipped} skipped`;
console.log(summary);
writeFileSync('test-results/summary.txt', `${summary}\n`);
process.exit(failed > 0 ? 1 : 0);
