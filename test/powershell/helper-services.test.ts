// The elevated helper's start-services action, the REAL assets/fixes/acs-fix-helper.ps1 under pwsh on the
// Windows double (these were TypeScript-twin tests before issue 10): a service that was already running,
// one whose own permissions refuse the start even to administrators (agents with self-protection), one
// that never leaves START_PENDING, and one that Windows stops again with 577 (the ACS signature problem).
import { afterEach, describe, expect, test } from 'vitest';
import { ACS_ROOT_CERTIFICATE } from '#product/catalogue/root-certificate.js';
import { loadMachineProfile } from '../windows-double/host/index.js';
import type { MachineState } from '../windows-double/host/machine-state.js';
import { createHelperMachine, runHelper, type HelperMachine } from '../support/helper-double.js';
import { pwshMissingOutsideCi } from '../support/pwsh.js';

const missing = pwshMissingOutsideCi();
const suite = missing ? describe.skip : describe;
const TIMEOUT = 180_000;

const machines: HelperMachine[] = [];
afterEach(async () => {
  await Promise.all(machines.splice(0).map((machine) => machine.dispose()));
});

async function machineFor(change: (state: MachineState) => void): Promise<HelperMachine> {
  const { machine: state } = await loadMachineProfile('win10-21h2-offline-unpatched');
  change(state);
  const machine = await createHelperMachine(state);
  machines.push(machine);
  return machine;
}

/** Windows that trusts ACS signatures: the update installed and the root in the machine's store. */
function trustsAcs(state: MachineState): void {
  state.os.acsSupport = true;
  const { sha1Thumbprint: thumbprint, subject, notBefore, notAfter, serialNumber } = ACS_ROOT_CERTIFICATE;
  state.certificateStores.Root.push({ thumbprint, subject, issuer: subject, notBefore, notAfter, serialNumber });
}
const service = (state: MachineState, name: string) => state.services.find((entry) => entry.name === name)!;
const start = (machine: HelperMachine, services: string[], timeoutMs = 5_000) => runHelper(machine, { action: 'start-services', services, timeoutMs, pollIntervalMs: 100 });

suite('starting services in the helper (real script, pwsh, Windows double)', () => {
  test(
    'a service that was already running: sc start says 1056, sc query says RUNNING, the step is ok',
    async () => {
      const machine = await machineFor((state) => {
        state.os.acsSupport = true;
        Object.assign(service(state, 'TmListen'), { state: 'Running', exitCode: 0 });
      });
      const run = await start(machine, ['TmListen']);
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.result).toMatchObject({ status: 'ok', exitCode: 0, services: [{ name: 'TmListen', state: 'RUNNING', startExitCode: 1056, running: true, timedOut: false }] });
    },
    TIMEOUT,
  );

  test(
    'a service whose own permissions refuse the start (sc start ends with 5): access-denied, the others are still started',
    async () => {
      const machine = await machineFor((state) => {
        trustsAcs(state);
        service(state, 'ntrtscan').startFault = 'access-denied';
      });
      const run = await start(machine, ['ntrtscan', 'TmListen']);
      expect(run.result).toMatchObject({ status: 'access-denied', exitCode: 5 });
      expect(run.result!.services).toEqual([
        expect.objectContaining({ name: 'ntrtscan', startExitCode: 5, running: false, timedOut: false }),
        expect.objectContaining({ name: 'TmListen', state: 'RUNNING', running: true }),
      ]);
      const after = await machine.state();
      expect(service(after, 'ntrtscan').state).toBe('Stopped');
      expect(service(after, 'TmListen').state).toBe('Running');
    },
    TIMEOUT,
  );

  test(
    'a service that never leaves START_PENDING: the helper polls until its time limit and says it timed out',
    async () => {
      const machine = await machineFor((state) => {
        state.os.acsSupport = true;
        service(state, 'TmListen').startFault = 'hangs-start-pending';
      });
      const started = Date.now();
      const run = await start(machine, ['TmListen'], 1_500);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_500);
      expect(run.result).toMatchObject({ status: 'failed', services: [{ name: 'TmListen', state: 'START_PENDING', running: false, timedOut: true }] });
      const queries = (run.result!.commands as { args: string[] }[]).filter((command) => command.args[0] === 'query');
      expect(queries.length).toBeGreaterThan(1);
    },
    TIMEOUT,
  );

  test(
    'while Windows cannot check ACS signatures: sc start fails with 577, the step fails with that code and nothing runs',
    async () => {
      const machine = await machineFor(() => undefined);
      const run = await start(machine, ['TmListen']);
      expect(run.result).toMatchObject({ status: 'failed', exitCode: 577, services: [{ name: 'TmListen', startExitCode: 577, win32ExitCode: 577, running: false }] });
      const after = await machine.state();
      expect(service(after, 'TmListen').state).toBe('Stopped');
      expect(after.events.some((event) => event.id === 7000 && event.provider === 'Service Control Manager')).toBe(true);
    },
    TIMEOUT,
  );
});
