// CI step: `npm audit` over what the Windows installer carries, recorded as ONE test in
// test-results/audit.json for count-results.mjs. The installer carries the production dependencies AND
// the Electron runtime; package.json lists `electron` as a dev dependency (electron-builder requires
// that), so `npm audit --omit=dev` would never look at it. The step therefore audits the whole tree and
// keeps the advisories of shipped packages: the production tree (`npm ls --omit=dev --all`) plus
// electron. Passed when no high or critical advisory applies, failed when one does (each listed),
// skipped when the registry's audit service cannot be reached (a mirror or proxy without it, e.g. 405),
// with the reason. Set ACS_AUDIT_REQUIRED=1 to count an unreachable audit service as a failure.
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';

const OUT = 'test-results/audit.json';
const command = ['audit', '--audit-level=high', '--json'];
const listCommand = ['ls', '--omit=dev', '--all', '--json'];
/** Shipped although package.json marks it as a dev dependency: the runtime inside the installer. */
const SHIPPED_RUNTIME = ['electron'];

function save(result) {
  mkdirSync('test-results', { recursive: true });
  writeFileSync(
    OUT,
    `${JSON.stringify({ format: 'acs-audit-result', version: 1, command: `npm ${command.join(' ')} (kept: packages in npm ${listCommand.join(' ')}, and ${SHIPPED_RUNTIME.join(', ')})`, ...result }, null, 2)}\n`,
  );
  const label = result.status === 'passed' ? 'PASSED' : result.status === 'failed' ? 'FAILED' : 'SKIPPED';
  console.log(`npm audit (what the installer carries: production dependencies and the Electron runtime; high and critical): ${label}: ${result.reason}`);
  for (const finding of result.findings ?? []) console.log(`  ${finding.severity}: ${finding.name} ${finding.range ?? ''} ${finding.title ?? ''} ${finding.url ?? ''}`.trimEnd());
}

function npm(args) {
  return new Promise((resolve) => {
    execFile('npm', args, { timeout: 120_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      let json = null;
      try {
        json = JSON.parse(stdout);
      } catch {
        json = null;
      }
      resolve({ error, json });
    });
  });
}

/** Every package name in an `npm ls --json` tree. */
function namesIn(tree, names = new Set()) {
  for (const [name, node] of Object.entries(tree?.dependencies ?? {})) {
    if (names.has(name) && !node?.dependencies) continue;
    names.add(name);
    namesIn(node, names);
  }
  return names;
}

const { error, json: report } = await npm(command);
const serviceError = report?.error ?? (report?.statusCode ? report : null);
if (!report || serviceError || !report.metadata) {
  const why = serviceError
    ? report?.message || serviceError.summary || serviceError.message || `HTTP ${report?.statusCode ?? 'error'}`
    : error?.killed
      ? 'timed out'
      : (error?.message ?? 'no report').split('\n')[0];
  const required = process.env.ACS_AUDIT_REQUIRED === '1';
  save({ status: required ? 'failed' : 'skipped', reason: `the audit service could not be reached: ${String(why).slice(0, 200)}${required ? ' (ACS_AUDIT_REQUIRED=1)' : ''}`, findings: [] });
} else {
  const { json: tree } = await npm(listCommand);
  const shipped = namesIn(tree);
  for (const name of SHIPPED_RUNTIME) shipped.add(name);
  const counts = { critical: 0, high: 0, moderate: 0, low: 0 };
  const findings = [];
  for (const [name, vulnerability] of Object.entries(report.vulnerabilities ?? {})) {
    if (!shipped.has(name)) continue;
    if (vulnerability.severity in counts) counts[vulnerability.severity] += 1;
    if (vulnerability.severity !== 'high' && vulnerability.severity !== 'critical') continue;
    const advisory = (vulnerability.via ?? []).find((via) => typeof via === 'object') ?? {};
    findings.push({
      name,
      severity: vulnerability.severity,
      range: vulnerability.range,
      title: advisory.title ?? `via ${(vulnerability.via ?? []).join(', ')}`,
      url: advisory.url ?? null,
      fixAvailable: vulnerability.fixAvailable ?? null,
    });
  }
  const summary = `${counts.critical} critical, ${counts.high} high, ${counts.moderate} moderate, ${counts.low} low in the ${shipped.size} shipped packages (production dependencies and ${SHIPPED_RUNTIME.join(', ')})`;
  save({ status: findings.length === 0 ? 'passed' : 'failed', reason: summary, counts, findings });
}
