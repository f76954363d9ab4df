// The story of issue 4: an unpatched, offline Windows 10 21H2 with root auto-update unavailable ->
// install the update from a local file -> restart -> install the root -> start the services ->
// verified running, with collect -> diagnose -> fixes -> collect -> diagnose all on the simulated host.
import { describe, expect, it } from 'vitest';
import { createFix, resumeAfterRestart } from '../../../src-main/fixes/index.js';
import { OFFLINE_PROFILE, UPDATE_X64, simulatedFixSetup } from '../../support/simulated-fix-context.js';

describe('full story on the simulated offline Windows 10 21H2 laptop', () => {
  it('update from a USB file, restart, root certificate, services: the diagnosis ends "ready"', async () => {
    const setup = await simulatedFixSetup(OFFLINE_PROFILE);
    expect(setup.diagnosis.verdict).toBe('action-required');
    expect(setup.diagnosis.plan.map((step) => step.step)).toEqual(['install-windows-update', 'install-root-certificate', 'reboot', 'start-agent-services']);

    const update = await createFix(setup.step('install-windows-update'), setup.context).apply({ packagePath: UPDATE_X64 });
    expect(update.status).toBe('reboot-required');
    expect((await setup.rediagnose()).windowsUpdate.status).toBe('pending-reboot');

    const reboot = await createFix(setup.step('reboot'), setup.context).apply({ rebootWhen: 'now', remainingPlan: [setup.step('install-root-certificate'), setup.step('start-agent-services')] });
    expect(reboot.status).toBe('reboot-required');
    // The app starts again after the restart: the journal says where to continue, and the restart is verified.
    const resumed = await resumeAfterRestart(setup.context);
    expect(resumed?.outcome.verification?.verified).toBe(true);
    expect(resumed?.remainingPlan.map((step) => step.step)).toEqual(['install-root-certificate', 'start-agent-services']);
    const afterRestart = await setup.rediagnose();
    expect(afterRestart.windowsUpdate.status).toBe('ok');
    expect(afterRestart.agentServices.status).toBe('failed-signature');

    const root = await createFix(setup.step('install-root-certificate'), setup.context).apply();
    expect(root.status).toBe('succeeded');
    await setup.rediagnose();

    const services = await createFix(setup.step('start-agent-services'), setup.context).apply();
    expect(services.status).toBe('succeeded');
    expect(services.verification?.verified).toBe(true);

    const final = await setup.rediagnose();
    expect(final.verdict).toBe('ready');
    expect(final.plan).toEqual([]);
    expect(
      setup.context.snapshot.services?.filter((service) => ['TmListen', 'ntrtscan', 'TmCCSF', 'TMBMServer', 'TmWSCSvc'].includes(service.name)).every((service) => service.state === 'Running'),
    ).toBe(true);

    const journal = await setup.journal.read();
    expect(journal.damagedLines).toEqual([]);
    expect(await setup.journal.unfinished()).toEqual([]);
    expect(journal.entries.filter((entry) => entry.event === 'finished').map((entry) => `${entry.step}/${entry.operation}:${entry.status}`)).toEqual([
      'install-windows-update/apply:reboot-required',
      'reboot/apply:reboot-required',
      'reboot/resume:succeeded',
      'install-root-certificate/apply:succeeded',
      'start-agent-services/apply:succeeded',
    ]);
  });
});
