import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../src-main/fixes/actions/commands.js';
import { actionRequestSchema } from '../../../src-main/fixes/actions/requests.js';
import { adminCmdText } from '../../../src-main/fixes/admin-script.js';
import { readFile } from 'node:fs/promises';
import { assetPath } from '../../../src-main/paths.js';

// Any text a file name can hold on Windows or on a USB stick: spaces, quotes, &, ;, %, backticks, Unicode, "..".
const pathText = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1 }),
  fc.constantFrom("E:\\Tech's & Co; 100% `x` ünï\\..\\windows10.0-kb5011487-x64.msu", 'C:\\a b\\"q"\\$(calc)\\%PATH%\\x.cab', 'D:\\日本語\\更新プログラム.msu'),
);

describe('paths reach commands as single arguments', () => {
  it('wusa, DISM, certutil: the path is one argument, unchanged', () => {
    fc.assert(
      fc.property(pathText, (path) => {
        expect(commands.wusaInstall(path).args[0]).toBe(path);
        expect(commands.dismAddPackage(path).args.filter((arg) => arg.startsWith('/PackagePath:'))).toEqual([`/PackagePath:${path}`]);
        expect(commands.addRootCertificate(path).args.at(-1)).toBe(path);
      }),
    );
  });

  it('the elevated request carries the path as JSON data, unchanged after a round trip', () => {
    fc.assert(
      fc.property(pathText, (path) => {
        const request = { action: 'install-update-package' as const, packagePath: `${path}.cab`, packageSha256: 'B'.repeat(64), kb: 'KB5011487', installer: 'dism' as const, timeoutMs: 1000 };
        // Paths the app's schema accepts come back unchanged (a path over 260 characters is refused, as by the helper).
        const parsed = actionRequestSchema.safeParse(JSON.parse(JSON.stringify(request)));
        if (parsed.success) expect(parsed.data).toEqual(request);
        else expect(request.packagePath.length).toBeGreaterThan(260);
      }),
    );
  });

  it('the launcher script and the .cmd contain no data at all', async () => {
    expect(await readFile(assetPath('fixes', 'acs-elevate.ps1'), 'utf8')).not.toMatch(/kb\d|\.msu|\.cab|\.cer/i);
    for (const action of ['import-root-certificate', 'remove-root-certificate', 'install-update-package', 'start-services', 'restart-computer'] as const) {
      expect(adminCmdText({ actionId: action, runId: '0b6c3e1a-4f2d-4c8e-9a7b-1d2e3f405162', requestSha256: 'A'.repeat(64), helperSha256: 'B'.repeat(64) })).not.toMatch(/[A-Z]:\\/);
    }
  });
});
