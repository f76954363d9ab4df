// The layers are enforced, not hoped for: wrong-way imports planted in files under linted folders make
// `npm run lint` (eslint.config.js, rule layers/imports) fail; the right-way ones pass.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function layerErrors(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return result!.messages.filter((message) => message.ruleId === 'layers/imports').map((message) => message.message);
}

const planted: string[] = [];
afterAll(async () => {
  for (const folder of planted) await rm(folder, { recursive: true, force: true });
});

describe('layers/imports', () => {
  it('fails a planted wrong-way import in a real file under src-main/snapshot (snapshot -> diagnosis)', async () => {
    const folder = await mkdtemp(join(root, 'src-main', 'snapshot', 'planted-'));
    planted.push(folder);
    const file = join(folder, 'wrong-way.ts');
    await writeFile(file, "import { diagnose } from '../../diagnosis/diagnose.js';\nexport const run = diagnose;\n");
    const [result] = await eslint.lintFiles([file]);
    expect(result!.errorCount).toBeGreaterThan(0);
    expect(result!.messages.map((message) => message.ruleId)).toContain('layers/imports');
  });

  it('keeps snapshot, catalogue and diagnosis free of everything above them', async () => {
    expect(await layerErrors("import { diagnosisSchema } from '../diagnosis/schema.js';\n", 'src-main/snapshot/planted.ts')).toHaveLength(1);
    expect(await layerErrors("import { diagnose } from '../diagnosis/diagnose.js';\n", 'src-main/catalogue/planted.ts')).toHaveLength(1);
    expect(await layerErrors("import { createFix } from '../fixes/index.js';\n", 'src-main/diagnosis/planted.ts')).toHaveLength(1);
    expect(await layerErrors("import type { AppSession } from '../../app/session.js';\n", 'src-main/diagnosis/rules/planted.ts')).toHaveLength(1);
    expect(
      await layerErrors("import { snapshotSchema } from '../snapshot/schema.js';\nimport { ACS_ROOT_CERTIFICATE } from '../catalogue/root-certificate.js';\n", 'src-main/diagnosis/planted.ts'),
    ).toEqual([]);
  });

  it('keeps the field kit (src-main/kit/) between the fixes and the shells', async () => {
    expect(await layerErrors("import type { AppSession } from '../app/session.js';\n", 'src-main/kit/planted.ts')).toHaveLength(1);
    expect(await layerErrors("import { buildFixKit } from '../kit/build.js';\n", 'src-main/fixes/planted.ts')).toHaveLength(1);
    expect(await layerErrors("import { checkUpdatePackage } from '../fixes/package-check.js';\nimport { diagnose } from '../diagnosis/diagnose.js';\n", 'src-main/kit/planted.ts')).toEqual([]);
  });

  it('lets the renderer import only type exports of the contract', async () => {
    expect(await layerErrors("import { OPERATION_CHANNEL_PREFIX } from '../../src-main/contract/index.js';\n", 'src-renderer/state/planted.ts')).toHaveLength(1);
    expect(await layerErrors("import type { Snapshot } from '../../src-main/snapshot/schema.js';\n", 'src-renderer/state/planted.ts')).toHaveLength(1);
    expect(await layerErrors("import type { AcsBridge } from '../../src-main/contract/index.js';\n", 'src-renderer/state/planted.ts')).toEqual([]);
  });

  it('keeps the Windows double out of product code: only tests and dev tools import it', async () => {
    expect(await layerErrors("import { createSimulatedHost } from '../../test/windows-double/host/index.js';\n", 'src-main/preview/planted.ts')).toHaveLength(1);
    expect(await layerErrors("export { createSimulatedHost } from '#double/host/index.js';\n", 'src-main/cli/planted.ts')).toHaveLength(1);
    expect(await layerErrors("import { createSimulatedHost } from '../windows-double/host/index.js';\n", 'test/hardening/planted.test.ts')).toEqual([]);
    // …and the double reaches product code as #product/… (one copy at run time), never by a relative path.
    expect(await layerErrors("import { diagnose } from '../../../src-main/diagnosis/diagnose.js';\n", 'test/windows-double/host/planted.ts')).toHaveLength(1);
    expect(await layerErrors("import { diagnose } from '#product/diagnosis/diagnose.js';\n", 'test/windows-double/host/planted.ts')).toEqual([]);
  });

  it('keeps the shells apart and the domain below them', async () => {
    expect(await layerErrors("import { startPreview } from '../preview/start.js';\n", 'src-main/electron/planted.ts')).toHaveLength(1);
    expect(await layerErrors("import { startDesktopApp } from '../electron/desktop-app.js';\n", 'src-main/preview/planted.ts')).toHaveLength(1);
    expect(await layerErrors("import type { JournalEntry } from '../fixes/journal.js';\n", 'src-main/report/planted.ts')).toHaveLength(1);
    expect(await layerErrors("import { renderReportHtml } from '../report/html.js';\n", 'src-main/fleet/planted.ts')).toHaveLength(1);
    expect(await layerErrors("import { createApp } from '../app/create-app.js';\n", 'src-main/fixes/planted.ts')).toHaveLength(1);
  });
});
