import { describe, expect, it } from 'vitest';
import { ACS_ROOT_CERTIFICATE } from '../../../src-main/catalogue/root-certificate.js';
import { ActionJournal, createFix, JournalWriteError, nodeJournalFile } from '../../../src-main/fixes/index.js';
import { OFFLINE_PROFILE, simulatedFixSetup } from '../../support/simulated-fix-context.js';

describe('guidance steps (simulated)', () => {
  it('upgrade-windows on Windows 10 1803: describe, preview, apply as guidance (journaled), verify still not ready', async () => {
    const setup = await simulatedFixSetup('win10-1803-unsupported');
    const fix = createFix(setup.step('upgrade-windows'), setup.context);
    expect(fix.describe().what).toMatch(/upgraded/);
    expect((await fix.preview()).ready).toBe(true);
    const outcome = await fix.apply();
    expect(outcome.status).toBe('guidance');
    expect((await setup.journal.read()).entries.map((entry) => `${entry.event}:${entry.step}`)).toEqual(['started:upgrade-windows', 'finished:upgrade-windows']);
    expect((await fix.verify()).verified).toBe(false);
  });

  it('contact-support is guidance too and changes nothing on the machine', async () => {
    const setup = await simulatedFixSetup(OFFLINE_PROFILE);
    const before = setup.host.machine.commandLog.length;
    const fix = createFix({ step: 'contact-support', title: 'Contact support', why: 'A damaged binary.', needsAdmin: false, needsReboot: false }, setup.context);
    const outcome = await fix.apply();
    expect(outcome.status).toBe('guidance');
    expect(outcome.message).toMatch(/Export the report/);
    expect(setup.host.machine.commandLog.length).toBe(before);
  });
});

describe('no change without a journal line', () => {
  it('a full disk stops the step before anything changes, with a clear error', async () => {
    const setup = await simulatedFixSetup(OFFLINE_PROFILE);
    const full = new ActionJournal(setup.journal.path, {
      readText: nodeJournalFile.readText,
      appendDurably: async () => {
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
    });
    const fix = createFix(setup.step('install-root-certificate'), { ...setup.context, journal: full });
    const error = await fix.apply().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(JournalWriteError);
    expect((error as Error).message).toMatch(/disk holding the action journal is full.*Nothing was changed/);
    expect(setup.host.machine.storeHolds('Root', ACS_ROOT_CERTIFICATE.sha1Thumbprint)).toBe(false);
    expect(setup.commandsRun().some((line) => /acs-(elevate|fix-helper)\.ps1|^X509Store/.test(line))).toBe(false);
  });
});
