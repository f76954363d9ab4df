// Cross-check of the collector: for every simulated profile, the SHIPPED assets/probe/collect.ps1 run by
// pwsh on the PowerShell Windows double must produce a snapshot that passes the zod validator and equals,
// field by field, the snapshot the TypeScript simulated host produces for the same machine (timing and
// collector-identity fields aside). A difference is a bug in one of the two.
//
// pwsh 7 is not Windows PowerShell 5.1: ConvertTo-Json escapes '<', '>', '&' and "'" as \u003c … in 5.1
// and not in 7; the comparison is of parsed JSON, where both read the same.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateSnapshot } from '#product/snapshot/parse.js';
import { defaultProbeInput, SECTION_BUDGET_MS } from '#product/probe/protocol.js';
import { runCollectorScript } from '../windows-double/host/powershell-probe.js';
import { createSimulatedHost, loadMachineProfile } from '../windows-double/host/index.js';
import { createDoubleMachine, pwshMissingOutsideCi, SIMULATED_PROFILES, REPO_ROOT, runScriptOnDouble, type DoubleMachine } from '../support/pwsh.js';

const COLLECTOR = join(REPO_ROOT, 'assets/probe/collect.ps1');
const PROFILES = SIMULATED_PROFILES;
const missing = pwshMissingOutsideCi();

const machines: DoubleMachine[] = [];
afterAll(async () => Promise.all(machines.map((machine) => machine.dispose())));

/** What the comparison ignores: when and by which engine the snapshot was taken. */
function comparable(snapshot: Record<string, unknown>): Record<string, unknown> {
  const { collectedAt: _at, collector: _collector, ...rest } = snapshot;
  return rest;
}

describe.skipIf(missing !== null)('collect.ps1 under pwsh on the Windows double equals the TypeScript simulated host', () => {
  for (const name of PROFILES) {
    it(name, { timeout: 90_000 }, async () => {
      const profile = await loadMachineProfile(name);
      // The app's own input (offline); a section that hangs on this machine gets a short budget so
      // the test does not wait the full one.
      const hanging = Object.fromEntries(profile.machine.faults.filter((fault) => fault.kind === 'hang').map((fault) => [fault.section, 3000]));
      // Other budgets are generous: on a loaded 2-core test machine each runspace of the pool also
      // loads the double's module, which real Windows does not do.
      const generous = Object.fromEntries(Object.entries(SECTION_BUDGET_MS).map(([section, ms]) => [section, ms * 5]));
      const input = JSON.stringify(defaultProbeInput({ network: false, budgetsMs: { ...generous, ...hanging } }));
      const host = await createSimulatedHost(profile);
      const expected = runCollectorScript(host.machine, input);
      const engine = profile.machine.powershell;
      if (engine.availability === 'missing' || engine.availability === 'blocked') {
        // No engine to run: PowerShell absent or blocked. (A Windows PowerShell 2.0 machine runs the
        // script under pwsh here; that its syntax and APIs suit 2.0 is the compatibility gate's job.)
        expect(expected.stdout).toBe('');
        return;
      }
      const machine = await createDoubleMachine(profile.machine);
      machines.push(machine);
      const run = await runScriptOnDouble(machine, COLLECTOR, {
        stdin: input,
        languageMode: engine.availability === 'constrained-language' ? 'ConstrainedLanguage' : 'FullLanguage',
        env: { LANG: `${profile.machine.os.language.replace('-', '_')}.UTF-8` },
      });
      expect(run.timedOut).toBe(false);
      expect(run.exitCode, run.stderr).toBe(expected.exitCode);
      if (expected.exitCode !== 0) {
        expect(JSON.parse(run.stdout.trim())).toMatchObject(JSON.parse(expected.stdout.trim()) as Record<string, unknown>);
        return;
      }
      const actual = JSON.parse(run.stdout) as Record<string, unknown>;
      const validated = validateSnapshot(actual);
      expect(validated.ok, validated.ok ? '' : validated.error).toBe(true);
      expect(comparable(actual)).toEqual(comparable(JSON.parse(expected.stdout) as Record<string, unknown>));
    });
  }
});
