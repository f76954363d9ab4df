import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACS_ROOT_CERTIFICATE } from '../../../src-main/catalogue/root-certificate.js';
import { createFix } from '../../../src-main/fixes/index.js';
import { OFFLINE_PROFILE, ROOT_ON_USB, program, simulatedFixSetup } from '../../support/simulated-fix-context.js';

const THUMBPRINT = ACS_ROOT_CERTIFICATE.sha1Thumbprint;
const fixture = (name: string) => join(import.meta.dirname, '..', '..', 'unit', 'fixes', 'fixtures', name);

describe('root certificate fix on the simulated offline Windows 10 21H2', () => {
  it('previews the exact certutil commands and the pinned fingerprints', async () => {
    const setup = await simulatedFixSetup(OFFLINE_PROFILE);
    const fix = createFix(setup.step('install-root-certificate'), setup.context);
    expect(fix.describe()).toMatchObject({ needsAdmin: true, undoable: true });
    const preview = await fix.preview();
    expect(preview.ready).toBe(true);
    expect(preview.facts['SHA-1 thumbprint']).toBe(THUMBPRINT);
    expect(preview.commands.map((command) => [program(command.file), ...command.args].slice(0, 4).join(' '))).toEqual([
      'certutil.exe -store Root ' + THUMBPRINT,
      `X509Store LocalMachine\\Root Add ${THUMBPRINT}`,
    ]);
    expect(setup.commandsRun().filter((line) => line.startsWith('certutil'))).toEqual([]);
  });

  it('applies through one elevated helper, verifies by reading the store again, journals, and undoes exactly that certificate', async () => {
    const setup = await simulatedFixSetup(OFFLINE_PROFILE);
    const fix = createFix(setup.step('install-root-certificate'), setup.context);
    expect((await fix.verify()).verified).toBe(false);
    const stages: string[] = [];
    const outcome = await fix.apply({ onProgress: (progress) => stages.push(progress.stage) });
    expect(stages).toEqual(['checking', 'elevating', 'verifying']);
    expect(outcome.status).toBe('succeeded');
    expect(outcome.verification?.verified).toBe(true);
    expect(setup.host.machine.storeHolds('Root', THUMBPRINT)).toBe(true);
    const launchers = setup.host.machine.commandLog.filter((entry) => program(entry.file) === 'powershell.exe' && entry.args.some((arg) => /acs-elevate\.ps1$/.test(arg)));
    expect(launchers).toHaveLength(1);
    const { entries } = await setup.journal.read();
    expect(entries.map((entry) => `${entry.event}:${entry.operation}`)).toEqual(['started:apply', 'finished:apply']);
    expect(entries[1]).toMatchObject({ status: 'succeeded', verified: true, user: 'tech', details: { added: true, thumbprint: THUMBPRINT } });
    // As the real helper reports them: launcher, not in the store yet (CRYPT_E_NOT_FOUND), added from memory, found.
    expect(entries[1]!.commands.map((command) => [program(command.file), command.exitCode])).toEqual([
      ['powershell.exe', 0],
      ['certutil.exe', -2146885628],
      ['X509Store', 0],
      ['certutil.exe', 0],
    ]);

    const rootBefore = setup.host.machine.state.certificateStores.Root.length;
    const undone = await fix.undo!();
    expect(undone.status).toBe('succeeded');
    expect(setup.host.machine.storeHolds('Root', THUMBPRINT)).toBe(false);
    expect(setup.host.machine.state.certificateStores.Root).toHaveLength(rootBefore - 1);
    expect(setup.commandsRun()).toContain(`certutil.exe -delstore Root ${THUMBPRINT}`);
    // A second undo finds nothing this app added any more.
    expect((await fix.undo!()).status).toBe('refused');
  });

  it('does not claim or undo a certificate that was already there', async () => {
    const setup = await simulatedFixSetup(OFFLINE_PROFILE);
    const step = setup.step('install-root-certificate');
    setup.host.machine.addCertificate('Root', {
      thumbprint: THUMBPRINT,
      subject: ACS_ROOT_CERTIFICATE.subject,
      issuer: ACS_ROOT_CERTIFICATE.subject,
      notBefore: ACS_ROOT_CERTIFICATE.notBefore,
      notAfter: ACS_ROOT_CERTIFICATE.notAfter,
      serialNumber: ACS_ROOT_CERTIFICATE.serialNumber,
    });
    const fix = createFix(step, setup.context);
    const outcome = await fix.apply();
    expect(outcome.status).toBe('nothing-to-do');
    expect(setup.commandsRun().some((line) => line.startsWith('X509Store'))).toBe(false);
    const undone = await fix.undo!();
    expect(undone.status).toBe('refused');
    expect(undone.message).toMatch(/did not add/);
    expect(setup.host.machine.storeHolds('Root', THUMBPRINT)).toBe(true);
  });

  it.each([
    ['another Microsoft CA', fixture('wrong-ca-pca-2021.pem'), /not the pinned/],
    ['a look-alike with the same name', fixture('lookalike-acs-root.pem'), /different key/],
  ])('refuses %s and changes nothing', async (_name, file, message) => {
    const setup = await simulatedFixSetup(OFFLINE_PROFILE);
    const fix = createFix(setup.step('install-root-certificate'), setup.context);
    const preview = await fix.preview({ certificateFile: file });
    expect(preview.ready).toBe(false);
    const outcome = await fix.apply({ certificateFile: file });
    expect(outcome.status).toBe('refused');
    expect(outcome.message).toMatch(message);
    expect(setup.commandsRun().some((line) => /acs-(elevate|fix-helper)\.ps1|^X509Store/.test(line))).toBe(false);
    expect((await setup.journal.read()).entries.at(-1)).toMatchObject({ status: 'refused', details: { added: false } });
  });

  it('refuses a truncated copy', async () => {
    const setup = await simulatedFixSetup(OFFLINE_PROFILE);
    const file = join(setup.dataDir, 'truncated.cer');
    await writeFile(file, (await readFile(join(import.meta.dirname, '..', '..', '..', 'assets', ACS_ROOT_CERTIFICATE.derFile))).subarray(0, 700));
    const outcome = await createFix(setup.step('install-root-certificate'), setup.context).apply({ certificateFile: file });
    expect(outcome.status).toBe('refused');
    expect(outcome.message).toMatch(/truncated/);
  });

  it("checks a technician's copy from an awkward path; the helper imports its own pinned copy, not that file", async () => {
    const setup = await simulatedFixSetup(OFFLINE_PROFILE);
    const dir = await mkdtemp(join(tmpdir(), "USB & 'Stick'; 100% `tick` ünï "));
    const file = join(dir, '..', dir.split('/').pop()!, 'root "2020" copy.cer').replace('"2020"', '2020');
    await copyFile(join(import.meta.dirname, '..', '..', '..', 'assets', ACS_ROOT_CERTIFICATE.derFile), file);
    const outcome = await createFix(setup.step('install-root-certificate'), setup.context).apply({ certificateFile: file });
    expect(outcome.status).toBe('succeeded');
    const add = setup.host.machine.commandLog.find((entry) => entry.file === 'X509Store')!;
    expect(add.args).toEqual(['LocalMachine\\Root', 'Add', THUMBPRINT]);
    expect(setup.host.machine.commandLog.some((entry) => entry.args.some((arg) => arg.includes(file)))).toBe(false);
  });

  it("accepts the copy on the technician's USB stick (a file of the simulated machine) after checking it; the helper imports its own bytes", async () => {
    const setup = await simulatedFixSetup(OFFLINE_PROFILE);
    const outcome = await createFix(setup.step('install-root-certificate'), setup.context).apply({ certificateFile: ROOT_ON_USB });
    expect(outcome.status).toBe('succeeded');
    expect(setup.commandsRun()).toContain(`X509Store LocalMachine\\Root Add ${THUMBPRINT}`);
    expect(setup.commandsRun().some((line) => line.includes(ROOT_ON_USB))).toBe(false);
  });

  it('when the UAC prompt is declined: says so, changes nothing, and writes a ready administrator script', async () => {
    const setup = await simulatedFixSetup(OFFLINE_PROFILE, { user: { name: 'tech', isAdmin: true, elevated: false, uacAnswer: 'decline' } });
    const outcome = await createFix(setup.step('install-root-certificate'), setup.context).apply();
    expect(outcome.status).toBe('declined');
    expect(outcome.message).toMatch(/administrator prompt was declined/);
    expect(setup.host.machine.storeHolds('Root', THUMBPRINT)).toBe(false);
    const script = outcome.adminScript!;
    const cmd = await readFile(script.cmdPath, 'utf8');
    expect(cmd).toContain('-ActionId import-root-certificate');
    expect(cmd).not.toContain(setup.dataDir);
    expect(await readFile(script.ps1Path, 'utf8')).toContain("$ActionIds = @('import-root-certificate'");
    const request = JSON.parse(await readFile(script.requestPath, 'utf8'));
    // No file and no output path: the helper carries the certificate and writes into its own folder.
    expect(request).toEqual({
      format: 'acs-fix-request',
      version: 1,
      runId: expect.any(String),
      step: 'install-root-certificate',
      user: 'tech',
      request: { action: 'import-root-certificate', sha1Thumbprint: THUMBPRINT, sha256Fingerprint: ACS_ROOT_CERTIFICATE.sha256Fingerprint },
    });
    expect((await setup.journal.read()).entries.at(-1)).toMatchObject({ status: 'declined' });
  });

  it('for a standard account (no admin rights) behaves like a declined prompt', async () => {
    const setup = await simulatedFixSetup(OFFLINE_PROFILE, { user: { name: 'user', isAdmin: false, elevated: false, uacAnswer: 'accept' } });
    const outcome = await createFix(setup.step('install-root-certificate'), setup.context).apply();
    expect(outcome.status).toBe('declined');
    expect(outcome.adminScript).toBeDefined();
  });

  it('runs directly, without a UAC prompt, when the process is already elevated (SYSTEM under Intune)', async () => {
    const setup = await simulatedFixSetup(OFFLINE_PROFILE, { user: { name: 'SYSTEM', isAdmin: true, elevated: true, uacAnswer: 'decline' } });
    expect(setup.context.elevation).toBe('direct');
    const outcome = await createFix(setup.step('install-root-certificate'), setup.context).apply();
    expect(outcome.status).toBe('succeeded');
    expect(setup.host.machine.commandLog.some((entry) => entry.args.includes('-Command') && program(entry.file) === 'powershell.exe')).toBe(false);
  });
});
