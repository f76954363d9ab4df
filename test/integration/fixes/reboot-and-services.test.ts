import { describe, expect, it } from 'vitest';
import { dependencyOrder } from '../../../src-main/fixes/agent-services.js';
import { createFix, findResumePoint, resumeAfterRestart } from '../../../src-main/fixes/index.js';
import { OFFLINE_PROFILE, UPDATE_X64, program, simulatedFixSetup } from '../../support/simulated-fix-context.js';

describe('reboot fix (simulated)', () => {
  it('never restarts without an explicit choice', async () => {
    const setup = await simulatedFixSetup(OFFLINE_PROFILE);
    const fix = createFix(setup.step('reboot'), setup.context);
    const preview = await fix.preview();
    expect(preview.ready).toBe(false);
    expect(preview.blockers[0]).toMatch(/never restarts Windows on its own/);
    const outcome = await fix.apply();
    expect(outcome.status).toBe('refused');
    expect(setup.commandsRun().some((line) => line.startsWith('shutdown'))).toBe(false);
  });

  it('"later" records where to resume, runs nothing, and the resume waits until Windows really restarted', async () => {
    const setup = await simulatedFixSetup(OFFLINE_PROFILE);
    await createFix(setup.step('install-windows-update'), setup.context).apply({ packagePath: UPDATE_X64 });
    const rest = [setup.step('install-root-certificate'), setup.step('start-agent-services')];
    const outcome = await createFix(setup.step('reboot'), setup.context).apply({ rebootWhen: 'later', remainingPlan: rest });
    expect(outcome.status).toBe('reboot-required');
    expect(setup.commandsRun().some((line) => line.startsWith('shutdown'))).toBe(false);
    expect((await findResumePoint(setup.context))?.remainingPlan.map((step) => step.step)).toEqual(['install-root-certificate', 'start-agent-services']);
    // Next start, but nobody restarted yet: the check says so and keeps the resume point.
    const early = await resumeAfterRestart(setup.context);
    expect(early?.outcome.status).toBe('reboot-required');
    expect(await findResumePoint(setup.context)).not.toBeNull();
    setup.host.machine.reboot();
    const resumed = await resumeAfterRestart(setup.context);
    expect(resumed?.outcome).toMatchObject({ status: 'succeeded', verification: { verified: true } });
    expect(resumed?.remainingPlan.map((step) => step.step)).toEqual(['install-root-certificate', 'start-agent-services']);
    expect(await resumeAfterRestart(setup.context)).toBeNull();
  });

  it('"now" runs shutdown /r with a delay and a message; after the restart the pending update is in effect', async () => {
    const setup = await simulatedFixSetup(OFFLINE_PROFILE);
    await createFix(setup.step('install-windows-update'), setup.context).apply({ packagePath: UPDATE_X64 });
    const fix = createFix(setup.step('reboot'), setup.context);
    expect((await fix.verify()).verified).toBe(false);
    const outcome = await fix.apply({ rebootWhen: 'now', remainingPlan: [] });
    expect(outcome.status).toBe('reboot-required');
    const shutdown = setup.host.machine.commandLog.find((entry) => program(entry.file) === 'shutdown.exe')!;
    expect(shutdown.args.slice(0, 4)).toEqual(['/r', '/t', '60', '/c']);
    expect(setup.host.machine.state.os.ubr).toBe(1586);
    expect((await fix.verify()).verified).toBe(true);
  });
});

describe('start agent services fix (simulated)', () => {
  it('orders services after the ones they depend on', () => {
    const services = [
      { name: 'TmWSCSvc', displayName: 'x', state: 'Stopped', startType: 'Automatic', exitCode: 0, imagePath: null, dependsOn: ['TmListen'] },
      { name: 'TmListen', displayName: 'y', state: 'Stopped', startType: 'Automatic', exitCode: 0, imagePath: null, dependsOn: ['TmCCSF'] },
    ] as const;
    expect(
      dependencyOrder(
        ['TmWSCSvc', 'ntrtscan', 'TmListen', 'TmCCSF'],
        services.map((service) => ({ ...service, dependsOn: [...service.dependsOn] })),
      ),
    ).toEqual(['TmCCSF', 'TmListen', 'TmWSCSvc', 'ntrtscan']);
  });

  it('while Windows cannot check ACS signatures: each service fails with 577 and the result says what is missing', async () => {
    const setup = await simulatedFixSetup(OFFLINE_PROFILE);
    const fix = createFix(setup.step('start-agent-services'), setup.context);
    const preview = await fix.preview();
    expect(preview.facts.order).toBe('TmListen → ntrtscan → TmCCSF → TMBMServer → TmWSCSvc');
    const outcome = await fix.apply({ serviceTimeoutMs: 1000 });
    expect(outcome.status).toBe('failed');
    expect(outcome.next).toBeUndefined();
    expect(outcome.verification?.details.every((detail) => !detail.ok)).toBe(true);
    expect(outcome.verification?.details[0]!.message).toMatch(/update, the restart or the root certificate is still missing.*event 7000/);
    expect(outcome.commands.filter((command) => program(command.file) === 'sc.exe' && command.args[0] === 'start').map((command) => command.exitCode)).toEqual([577, 577, 577, 577, 1068]);
  });

  it('once update, restart and root are in place: starts every service and verifies them running', async () => {
    const setup = await simulatedFixSetup(OFFLINE_PROFILE);
    await createFix(setup.step('install-windows-update'), setup.context).apply({ packagePath: UPDATE_X64 });
    setup.host.machine.reboot();
    await createFix(setup.step('install-root-certificate'), setup.context).apply();
    const outcome = await createFix(setup.step('start-agent-services'), setup.context).apply();
    expect(outcome.status).toBe('succeeded');
    expect(outcome.verification?.details.map((detail) => `${detail.item}:${detail.message}`)).toEqual([
      'TmListen:running',
      'ntrtscan:running',
      'TmCCSF:running',
      'TMBMServer:running',
      'TmWSCSvc:running',
    ]);
    expect((await setup.journal.read()).entries.at(-1)).toMatchObject({ step: 'start-agent-services', status: 'succeeded', verified: true });
  });

  it('a service still refused with 577 after update and root: says the binary is damaged and points to contact-support', async () => {
    const setup = await simulatedFixSetup(OFFLINE_PROFILE);
    const ntrtscan = setup.host.machine.state.binaries.find((binary) => binary.path.endsWith('NTRtScan.exe'))!;
    ntrtscan.signing = 'tampered';
    // Manual start, so the restart's automatic start does not touch it (the simulated SCM only checks ACS trust there).
    setup.host.machine.service('ntrtscan')!.startType = 'Manual';
    await createFix(setup.step('install-windows-update'), setup.context).apply({ packagePath: UPDATE_X64 });
    setup.host.machine.reboot();
    await createFix(setup.step('install-root-certificate'), setup.context).apply();
    const outcome = await createFix(setup.step('start-agent-services'), setup.context).apply();
    expect(outcome.status).toBe('failed');
    expect(outcome.next).toBe('contact-support');
    expect(outcome.message).toMatch(/damaged or must be replaced by the vendor.*contact support/);
    const detail = outcome.verification!.details.find((item) => item.item === 'ntrtscan')!;
    expect(detail.message).toMatch(/vendor \(Trend Micro\) must replace it/);
  });

  it('UAC declined: no service touched, an administrator script for the same start', async () => {
    const setup = await simulatedFixSetup(OFFLINE_PROFILE, { user: { name: 'tech', isAdmin: true, elevated: false, uacAnswer: 'decline' } });
    const outcome = await createFix(setup.step('start-agent-services'), setup.context).apply();
    expect(outcome.status).toBe('declined');
    expect(setup.commandsRun().some((line) => line.startsWith('sc.exe start'))).toBe(false);
    expect(outcome.adminScript?.cmdPath).toMatch(/run-as-administrator\.cmd$/);
  });
});
