// Issue 14 in the app: kitInfo and buildFixKit through the same dispatcher the window and the preview
// use, on SIMULATED Windows machines (the preview's shell: its export folder, its file candidates).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OperationName, OperationResults } from '#product/contract/index.js';
import { readKitResult } from '#product/kit/index.js';
import { createPreviewApp } from '#product/preview/start.js';

async function simulated(profile: string) {
  const { app } = await createPreviewApp({ profile });
  async function ok<Op extends OperationName>(op: Op, args: unknown = {}): Promise<OperationResults[Op]> {
    const outcome = await app.dispatch(op, args);
    if (!outcome.ok) throw new Error(`${op}: ${outcome.code}: ${outcome.message}`);
    return outcome.value as OperationResults[Op];
  }
  return { app, ok };
}

describe('field kit in the app (simulated machines)', () => {
  it('Windows 7: the app cannot run there; a kit is offered and needs the update file', async () => {
    const { ok } = await simulated('win7-sp1-no-esu-rollup');
    await ok('startProbe');
    expect(await ok('kitInfo')).toMatchObject({ offered: true, appRunsOnTarget: false, needsPackage: true, kb: 'KB5006743', computerName: 'WORKSHOP-PC1' });
    // The simulated machine has no update file to offer: the picker lists none, nothing is built.
    const pick = await ok('buildFixKit', { consent: true });
    expect(pick).toMatchObject({ status: 'pick', candidates: [] });
  });

  it('air-gapped Server 2019: builds the kit into the chosen folder; not run yet, every step to do', async () => {
    const { app, ok } = await simulated('server2019-airgapped-missing-root');
    await ok('startProbe');
    expect(await ok('kitInfo')).toMatchObject({ offered: true, appRunsOnTarget: true, needsPackage: false });
    const built = await ok('buildFixKit', { consent: true });
    expect(built.status).toBe('built');
    if (built.status !== 'built') return;
    expect(existsSync(join(built.folder, 'FIX.cmd'))).toBe(true);
    expect(built.steps.map((step) => step.title)).toEqual(['Install the Microsoft root certificate', 'Start the security agent']);
    expect((await readKitResult(built.folder)).steps.every((step) => step.state === 'to-do')).toBe(true);
    expect(await app.dispatch('buildFixKit', { consent: true, packagePath: 'C:\\x.msu' })).toMatchObject({ ok: false });
    // Read back in the app: not run yet, every step still to do, no new check.
    const read = await ok('readFixKit', { path: built.folder });
    expect(read).toMatchObject({ status: 'read', computerName: 'SRV-FILE-02', result: null, changedFiles: [], after: null });
    expect(read.status === 'read' ? read.steps.map((step) => step.state) : []).toEqual(['to-do', 'to-do']);
    // Only folders built here or offered by the picker can be read.
    expect(await app.dispatch('readFixKit', { path: '/etc' })).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it("in the wizard's language: the kit's README, step titles and FIX.cmd speak it (issue 17)", async () => {
    const { ok } = await simulated('server2019-airgapped-missing-root');
    await ok('startProbe');
    const built = await ok('buildFixKit', { consent: true, language: 'ja' });
    if (built.status !== 'built') throw new Error(built.status);
    expect(built.steps.map((step) => step.title)).toEqual(['Microsoft のルート証明書をインストールする', 'セキュリティ エージェントを開始する']);
    expect(await readFile(join(built.folder, 'README.txt'), 'utf8')).toContain('このキットが修正するのは 1 台のコンピューターだけです');
    expect(new TextDecoder('shift_jis').decode(await readFile(join(built.folder, 'FIX.cmd')))).toContain('管理者権限が必要です');
    expect((await readKitResult(built.folder)).kit.language).toBe('ja');
  });

  it('a ready computer: no kit offered', async () => {
    const { ok } = await simulated('healthy-win11');
    await ok('startProbe');
    expect((await ok('kitInfo')).offered).toBe(false);
    expect(await ok('buildFixKit', { consent: true })).toMatchObject({ status: 'refused' });
  });
});
