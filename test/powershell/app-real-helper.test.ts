// Issue 11: the app's fix steps on the simulated host, whose elevation commands are answered by the REAL
// launcher and helper under pwsh on the Windows double (test/windows-double/host/fix-commands/real-helper.ts,
// the only way the simulated host answers them): the app writes the request and its hash, the scripts
// change the machine, the app reads the result from the helper's folder and verifies by probing.
import { describe, expect, it } from 'vitest';
import { ACS_ROOT_CERTIFICATE } from '#product/catalogue/root-certificate.js';
import { createFix } from '#product/fixes/index.js';
import { OFFLINE_PROFILE, simulatedFixSetup } from '../support/simulated-fix-context.js';
import { pwshMissingOutsideCi } from '../support/pwsh.js';

const missing = pwshMissingOutsideCi();
const suite = missing ? describe.skip : describe;
const TIMEOUT = 240_000;
const THUMBPRINT = ACS_ROOT_CERTIFICATE.sha1Thumbprint;
const UPDATE_X64 = 'E:\\Updates\\windows10.0-kb5011487-x64_2a2a52c1f25c1fc5dd9bbdd9f6bb7a1a1ef0cc5e.msu';

suite('app fixes through the real launcher and helper (pwsh, Windows double)', () => {
  it(
    'root certificate: UAC accepted, the helper adds the pinned root, the app verifies it and undoes exactly that',
    async () => {
      const setup = await simulatedFixSetup(OFFLINE_PROFILE);
      expect(setup.context.elevation).toBe('helper');
      const fix = createFix(setup.step('install-root-certificate'), setup.context);
      const outcome = await fix.apply();
      expect(outcome.status, outcome.message).toBe('succeeded');
      expect(outcome.verification?.verified).toBe(true);
      expect(setup.host.machine.storeHolds('Root', THUMBPRINT)).toBe(true);
      const undone = await fix.undo!();
      expect(undone.status, undone.message).toBe('succeeded');
      expect(setup.host.machine.storeHolds('Root', THUMBPRINT)).toBe(false);
    },
    TIMEOUT,
  );

  it(
    'update package: the helper installs its checked copy; the app says a restart is needed',
    async () => {
      const setup = await simulatedFixSetup(OFFLINE_PROFILE);
      const outcome = await createFix(setup.step('install-windows-update'), setup.context).apply({ packagePath: UPDATE_X64 });
      expect(outcome.status, outcome.message).toBe('reboot-required');
      expect(setup.host.machine.state.hotfixes.map((hotfix) => hotfix.id)).toContain('KB5011487');
    },
    TIMEOUT,
  );

  it(
    "UAC declined: the real launcher's 1223 makes the step declined, with the administrator script; nothing changed",
    async () => {
      const setup = await simulatedFixSetup(OFFLINE_PROFILE, { user: { name: 'tech', isAdmin: true, elevated: false, uacAnswer: 'decline' } });
      const outcome = await createFix(setup.step('install-root-certificate'), setup.context).apply();
      expect(outcome.status, outcome.message).toBe('declined');
      expect(outcome.adminScript?.cmdPath).toMatch(/run-as-administrator\.cmd$/);
      expect(setup.host.machine.storeHolds('Root', THUMBPRINT)).toBe(false);
    },
    TIMEOUT,
  );

  it(
    'already elevated (SYSTEM under Intune): the same helper runs directly, no launcher',
    async () => {
      const setup = await simulatedFixSetup('server2019-airgapped-missing-root');
      expect(setup.context.elevation).toBe('direct');
      const outcome = await createFix(setup.step('install-root-certificate'), setup.context).apply();
      expect(outcome.status, outcome.message).toBe('succeeded');
      expect(setup.host.machine.storeHolds('Root', THUMBPRINT)).toBe(true);
      expect(outcome.commands[0]!.args).toContain('<elevated helper>');
    },
    TIMEOUT,
  );
  it(
    'PowerShell in ConstrainedLanguage (AppLocker/WDAC): the real launcher says so (exit 86) and the app tells the person; nothing changed',
    async () => {
      const setup = await simulatedFixSetup(OFFLINE_PROFILE, { powershell: { availability: 'constrained-language', version: '5.1.19041.1' } });
      const outcome = await createFix(setup.step('install-windows-update'), setup.context).apply({ packagePath: UPDATE_X64 });
      expect(outcome.status, outcome.message).toBe('failed');
      expect(outcome.message).toMatch(/Constrained Language Mode/);
      expect(setup.host.machine.state.hotfixes.map((hotfix) => hotfix.id)).not.toContain('KB5011487');
    },
    TIMEOUT,
  );
});
