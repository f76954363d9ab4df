// Faults on the simulated Windows host: PowerShell missing, blocked or in Constrained Language Mode;
// every section hanging past its budget, printing garbage, cut short or denied; the elevated helper
// killed; the disk full under the journal; the app killed between apply and verify. Each ends in a
// clear state with the journal intact, and the next start offers to resume. (Simulated: see docs/security.md.)
import fc from 'fast-check';
import { spawn } from 'node:child_process';
import { appendFile, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultServices } from '../../src-main/app/default-services.js';
import { diagnose } from '../../src-main/diagnosis/diagnose.js';
import { diagnosisSchema } from '../../src-main/diagnosis/schema.js';
import { ActionJournal, JournalWriteError, type JournalFile } from '../../src-main/fixes/index.js';
import { nodeJournalFile } from '../../src-main/fixes/journal.js';
import { PROBE_SECTIONS, collectSnapshotWithPath } from '../../src-main/probe/collect.js';
import { startPreview } from '../../src-main/preview/start.js';
import { validateSnapshot } from '../../src-main/snapshot/parse.js';
import type { CommandRequest, CommandResult, CommandRunner } from '../../src-main/windows/command-runner.js';
import { bindSimulatedHost, createSimulatedHost } from '../windows-double/host/index.js';
import { projectRoot } from './support/hostile.js';
import { simulatedFix } from './support/simulated-fix.js';

const ACS_ROOT = 'F40042E2E5F7E8EF8189FED15519AECE42C3BFA2';
const PROFILES = ['win10-21h2-offline-unpatched', 'server2019-airgapped-missing-root', 'healthy-win11', 'german-server2016-pending-reboot'];

function expectValidAndDiagnosable(snapshot: unknown) {
  const parsed = validateSnapshot(JSON.parse(JSON.stringify(snapshot)));
  expect(parsed.ok, parsed.ok ? '' : parsed.error).toBe(true);
  if (!parsed.ok) throw new Error(parsed.error);
  expect(diagnosisSchema.safeParse(diagnose(parsed.snapshot)).success).toBe(true);
  return parsed.snapshot;
}

describe('probe faults', () => {
  for (const availability of ['missing', 'blocked', 'constrained-language'] as const) {
    it(`PowerShell ${availability}: a valid snapshot from the built-in tools, and it says so`, async () => {
      for (const profile of PROFILES) {
        const host = await createSimulatedHost(profile, { powershell: { availability, version: '5.1' } } as never);
        const outcome = await collectSnapshotWithPath({ runner: host.runner, network: false });
        expect(outcome.path).toBe('builtin-tools');
        const snapshot = expectValidAndDiagnosable(outcome.snapshot);
        expect(snapshot.errors?.find((error) => error.section === 'collector')?.message).toMatch(/PowerShell was not usable/);
        expect(snapshot.os).toBeTruthy();
      }
    });
  }

  it('any section hanging, printing garbage, cut short or denied, on either path: the rest arrives, the section says why', async () => {
    const sections = PROBE_SECTIONS.filter((section) => section !== 'os');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PROFILES),
        fc.uniqueArray(
          fc.record({ section: fc.constantFrom(...sections), kind: fc.constantFrom('hang', 'access-denied', 'garbage', 'truncated'), path: fc.constantFrom('powershell', 'builtin-tools', 'both') }),
          { minLength: 1, maxLength: 3, selector: (fault) => fault.section },
        ),
        fc.constantFrom('full', 'constrained-language'),
        async (profile, faults, availability) => {
          const host = await createSimulatedHost(profile, { faults, powershell: { availability, version: '5.1' } } as never);
          const started = performance.now();
          const outcome = await collectSnapshotWithPath({ runner: host.runner, network: false, timeoutMs: 30_000 });
          expect(performance.now() - started).toBeLessThan(5000); // simulated time: a hang costs its budget, not wall time
          const snapshot = expectValidAndDiagnosable(outcome.snapshot);
          const hit = faults.filter((fault) => fault.path === 'both' || fault.path === outcome.path);
          for (const fault of hit) {
            const value = snapshot[fault.section as keyof typeof snapshot];
            const error = snapshot.errors?.find((entry) => entry.section === fault.section);
            // A hit section is either missing with its reason in errors, or (access denied on a section a
            // standard user may read) present; it is never silently empty.
            if (value === null || value === undefined) expect(error?.message, `${fault.section} ${fault.kind} on ${outcome.path}`).toBeTruthy();
          }
          const untouched = sections.filter((section) => !hit.some((fault) => fault.section === section));
          expect(untouched.some((section) => snapshot[section as keyof typeof snapshot] !== undefined && snapshot[section as keyof typeof snapshot] !== null)).toBe(true);
        },
      ),
      { numRuns: 120 },
    );
  });
});

/** A runner in which the elevated helper process dies (taskkill, crash, log-off) before it reports. */
function killingHelper(inner: CommandRunner, afterWork: boolean): CommandRunner {
  return {
    async run(request: CommandRequest): Promise<CommandResult> {
      if (request.env?.ACS_HELPER_ACTION === undefined) return inner.run(request);
      if (afterWork) {
        await inner.run(request);
        const envelope = JSON.parse(await readFile(request.env.ACS_HELPER_REQUEST!, 'utf8')) as { resultFile: string };
        const { rm } = await import('node:fs/promises');
        const { dirname, isAbsolute } = await import('node:path');
        const resultFile = isAbsolute(envelope.resultFile) ? envelope.resultFile : join(dirname(request.env.ACS_HELPER_REQUEST!), envelope.resultFile);
        await rm(resultFile, { force: true });
      }
      return { exitCode: null, stdout: '', stderr: '', timedOut: false, cancelled: false, truncated: false, durationMs: 20 };
    },
  };
}

describe('fix faults', () => {
  it('the elevated helper killed before it did anything: failed in plain words, machine unchanged, journal closed', async () => {
    const setup = await simulatedFix('server2019-airgapped-missing-root', { elevation: 'helper', runner: (inner) => killingHelper(inner, false) });
    const outcome = await setup.fixFor('install-root-certificate').apply({});
    expect(outcome.status).toBe('failed');
    expect(outcome.message.length).toBeGreaterThan(15);
    expect(setup.host.machine.state.certificateStores.Root.some((cert) => cert.thumbprint === ACS_ROOT)).toBe(false);
    expect((await setup.journal.read()).damagedLines).toEqual([]);
    expect(await setup.journal.unfinished()).toEqual([]);
  });

  it('the elevated helper killed after the change but before its report: not claimed as done, and verify tells the truth', async () => {
    const setup = await simulatedFix('server2019-airgapped-missing-root', { elevation: 'helper', runner: (inner) => killingHelper(inner, true) });
    const fix = setup.fixFor('install-root-certificate');
    const outcome = await fix.apply({});
    expect(outcome.status).not.toBe('succeeded');
    expect(await setup.journal.unfinished()).toEqual([]);
    const verified = await fix.verify();
    expect(verified.verified).toBe(true); // the store is read again: the root did arrive
  });

  it('a standard user with direct elevation, and a declined UAC prompt: declined, with the administrator script, nothing changed', async () => {
    for (const [elevation, overrides] of [
      ['direct', { user: { name: 'user', isAdmin: false, elevated: false, uacAnswer: 'accept' } }],
      ['helper', { user: { name: 'user', isAdmin: true, elevated: false, uacAnswer: 'decline' } }],
    ] as const) {
      const setup = await simulatedFix('server2019-airgapped-missing-root', { elevation, overrides: overrides as never });
      const outcome = await setup.fixFor('install-root-certificate').apply({});
      expect(outcome.status, elevation).toBe('declined');
      expect(outcome.adminScript?.ps1Path, elevation).toBeTruthy();
      expect(await readFile(outcome.adminScript!.requestPath, 'utf8')).toContain(ACS_ROOT);
      expect(setup.host.machine.state.certificateStores.Root.some((cert) => cert.thumbprint === ACS_ROOT)).toBe(false);
      expect(await setup.journal.unfinished()).toEqual([]);
    }
  });

  it('the disk full before the first journal line: the fix does not go on, nothing changes on the machine', async () => {
    const full: JournalFile = {
      readText: nodeJournalFile.readText,
      appendDurably: async () => {
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      },
    };
    const setup = await simulatedFix('server2019-airgapped-missing-root', { journalFile: full });
    const result = await setup
      .fixFor('install-root-certificate')
      .apply({})
      .then(
        (outcome) => ({ outcome, error: null as unknown }),
        (error: unknown) => ({ outcome: null, error }),
      );
    if (result.error) expect(result.error).toBeInstanceOf(JournalWriteError);
    else expect(result.outcome?.status).toBe('failed');
    expect(setup.runner.requests.some((request) => request.args.some((arg) => /acs-(elevate|fix-helper)\.ps1$/i.test(arg)))).toBe(false);
    expect(setup.host.machine.state.certificateStores.Root.some((cert) => cert.thumbprint === ACS_ROOT)).toBe(false);
  });

  it('the disk full when the result is written: the change stays recorded as started, the next start lists it as unfinished', async () => {
    let lines = 0;
    const fillsUp: JournalFile = {
      readText: nodeJournalFile.readText,
      async appendDurably(path, data) {
        lines += 1;
        if (lines >= 2) {
          await appendFile(path, data.slice(0, 17)); // a partial write, then the disk is full
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        }
        await nodeJournalFile.appendDurably(path, data);
      },
    };
    const setup = await simulatedFix('server2019-airgapped-missing-root', { journalFile: fillsUp });
    await setup
      .fixFor('install-root-certificate')
      .apply({})
      .catch((error: unknown) => expect(error).toBeInstanceOf(JournalWriteError));
    // The next start reads the same file with the ordinary journal.
    const next = new ActionJournal(setup.journal.path);
    const read = await next.read();
    expect(read.entries.map((entry) => entry.event)).toEqual(['started']);
    expect(read.damagedLines).toHaveLength(1);
    const unfinished = await next.unfinished();
    expect(unfinished).toHaveLength(1);
    expect(unfinished[0]!.started.step).toBe('install-root-certificate');
    expect(unfinished[0]!.message.length).toBeGreaterThan(10);
  });

  it('the app killed between apply and verify: the journal keeps the started step, and the next start offers to resume it', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'acs-killed-'));
    // First run: the process "dies" while writing the finished line (half a line lands on disk, then nothing).
    let appends = 0;
    const dying: JournalFile = {
      readText: nodeJournalFile.readText,
      async appendDurably(path, data) {
        appends += 1;
        const entry = JSON.parse(data) as { event?: string };
        if (entry.event === 'finished') {
          await appendFile(path, data.slice(0, Math.floor(data.length / 2)));
          return new Promise<void>(() => {}); // never returns: the process is gone
        }
        await nodeJournalFile.appendDurably(path, data);
      },
    };
    const first = await startPreview({
      profile: 'server2019-airgapped-missing-root',
      dataDir,
      receivedDir: null,
      services: { ...defaultServices, openJournal: (path) => new ActionJournal(path, dying) },
    });
    try {
      const probe = await first.app.dispatch('startProbe', {});
      expect(probe.ok).toBe(true);
      const preview = await first.app.dispatch('previewFix', { stepIndex: 0 });
      expect(preview.ok, JSON.stringify(preview)).toBe(true);
      void first.app.dispatch('applyFix', { stepIndex: 0, consent: true }); // never settles: "killed"
      // The helper runs for real under pwsh on the double: a few seconds before the finished line is written.
      for (let waited = 0; waited < 3000 && appends < 2; waited++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(appends).toBeGreaterThanOrEqual(2);
    } finally {
      await first.close();
    }
    // Next start, same data folder, the ordinary journal.
    const second = await startPreview({ profile: 'server2019-airgapped-missing-root', dataDir, receivedDir: null });
    try {
      const info = await second.app.dispatch('getAppInfo', {});
      expect(info.ok).toBe(true);
      const { value } = info as { ok: true; value: { resume: { stepKind: string; title: string } | null } };
      expect(value.resume?.stepKind).toBe('install-root-certificate');
      expect(value.resume?.title.length).toBeGreaterThan(10);
      const journal = await new ActionJournal(join(dataDir, 'journal.jsonl')).read();
      expect(journal.entries.map((entry) => entry.event)).toEqual(['started']);
      expect(journal.damagedLines).toHaveLength(1);
    } finally {
      await second.close();
    }
  });

  it('the app process really killed (SIGKILL) between apply and verify: the next start offers to resume that step', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'acs-sigkill-'));
    const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'test/hardening/support/apply-then-hang.ts'), dataDir, 'server2019-airgapped-missing-root'], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the child never applied: ${output} ${errors}`)), 30_000);
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('APPLIED')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.on('exit', () => reject(new Error(`the child exited early: ${output} ${errors}`)));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const journal = await new ActionJournal(join(dataDir, 'journal.jsonl')).read();
    expect(journal.entries.map((entry) => `${entry.step} ${entry.event}`)).toEqual(['install-root-certificate started']);
    expect(journal.damagedLines).toEqual([]);
    const next = await startPreview({ profile: 'server2019-airgapped-missing-root', dataDir, receivedDir: null });
    try {
      const info = await next.app.dispatch('getAppInfo', {});
      const { value } = info as { ok: true; value: { resume: { stepKind: string } | null } };
      expect(value.resume?.stepKind).toBe('install-root-certificate');
    } finally {
      await next.close();
    }
  }, 60_000);

  it('through the app, a full disk under the journal is a plain-words failure ("nothing was changed"), not an internal error', async () => {
    const full: JournalFile = {
      readText: nodeJournalFile.readText,
      appendDurably: async () => {
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      },
    };
    const simulated = await createSimulatedHost('server2019-airgapped-missing-root');
    const preview = await startPreview({ host: bindSimulatedHost(simulated), receivedDir: null, services: { ...defaultServices, openJournal: (path) => new ActionJournal(path, full) } });
    try {
      expect((await preview.app.dispatch('startProbe', {})).ok).toBe(true);
      expect((await preview.app.dispatch('previewFix', { stepIndex: 0 })).ok).toBe(true);
      const outcome = await preview.app.dispatch('applyFix', { stepIndex: 0, consent: true });
      expect(outcome).toMatchObject({ ok: false, code: 'failed', message: expect.stringMatching(/full[\s\S]*Nothing was changed/) });
      expect(simulated.machine.state.certificateStores.Root.some((cert) => cert.thumbprint === ACS_ROOT)).toBe(false);
    } finally {
      await preview.close();
    }
  });
});
