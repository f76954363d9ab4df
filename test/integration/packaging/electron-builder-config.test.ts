// electron-builder.yml against electron-builder's own configuration schema (app-builder-lib, no
// download), and the settings the Windows build must have: NSIS per machine, portable exe, asInvoker,
// fuses, extra resources that exist, no signing secrets in the file.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import type { Configuration } from 'app-builder-lib';
import { DebugLogger } from 'builder-util';
import { signingPlan } from '../../../scripts/dist-win.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const loadConfig = () => getConfig(root, 'electron-builder.yml', null);

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    const config = await loadConfig();
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is checked for real: an unknown option or a wrong type is refused by the same validator', async () => {
    const config = await loadConfig();
    await expect(validateConfiguration({ ...config, win: { ...config.win, requestedExecutionLevel: 'god' } } as unknown as Configuration, new DebugLogger(false))).rejects.toThrow();
    await expect(validateConfiguration({ ...config, nsisx: {} } as unknown as Configuration, new DebugLogger(false))).rejects.toThrow();
  });

  it('builds an NSIS installer per machine and a portable exe, the app running asInvoker', async () => {
    const config = await loadConfig();
    expect(config.appId).toMatch(/^[a-z0-9.-]+$/);
    expect(config.productName).toBe('ACS Support Assistant');
    const targets = (config.win?.target as { target: string }[]).map((entry) => entry.target);
    expect(targets).toEqual(['nsis', 'portable']);
    expect(config.win?.requestedExecutionLevel).toBe('asInvoker');
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true });
    // Issue 11: Program Files only (the elevated helper refuses a folder non-administrators can change).
    expect(config.nsis?.allowToChangeInstallationDirectory).toBe(false);
    expect(config.win?.signExts).toEqual(['.ps1']);
    expect(config.win?.icon).toBe('assets/icons/icon.ico');
    expect(existsSync(join(root, 'assets/icons/icon.ico'))).toBe(true);
  });

  it('flips the security fuses: no RunAsNode, ASAR integrity on, app only from the archive', async () => {
    const fuses = (await loadConfig()).electronFuses;
    expect(fuses).toMatchObject({
      runAsNode: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('ships the collector script, root certificate and fix helper as extra resources that exist', async () => {
    const resources = (await loadConfig()).extraResources as { from: string; to: string }[];
    const wanted = ['assets/probe/collect.ps1', 'assets/certificates/microsoft-identity-verification-root-2020.cer', 'assets/fixes/acs-fix-helper.ps1'];
    for (const file of wanted) {
      const entry = resources.find((resource) => file.startsWith(`${resource.from}/`));
      expect(entry, file).toBeDefined();
      expect(entry!.to).toBe(entry!.from);
      expect(existsSync(join(root, file)), file).toBe(true);
    }
  });

  it('packs neither the Windows double nor its simulated machines', async () => {
    const config = await loadConfig();
    const resources = config.extraResources as { from: string; to: string }[];
    expect(resources.filter((resource) => /simulated|windows-double|test\//.test(resource.from))).toEqual([]);
    const patterns = JSON.stringify(config.files)
      .match(/"[^"]*"/g)!
      .map((text) => JSON.parse(text) as string);
    expect(patterns).toContain('!dist/double/**/*');
    expect(patterns.filter((pattern) => !pattern.startsWith('!') && /dist\/double|test\//.test(pattern))).toEqual([]);
  });

  it('holds no signing secrets: Trusted Signing is configured from the environment', async () => {
    const text = await readFile(join(root, 'electron-builder.yml'), 'utf8');
    expect(text).not.toMatch(/azureSignOptions|certificatePassword|AZURE_CLIENT_SECRET|cscKeyPassword|-----BEGIN/);
    expect((await loadConfig()).win?.azureSignOptions).toBeUndefined();
  });
});

describe('dist:win signing settings', () => {
  const complete = {
    ACS_SIGN_ENDPOINT: 'https://weu.codesigning.azure.net',
    ACS_SIGN_ACCOUNT: 'acct',
    ACS_SIGN_PROFILE: 'prof',
    ACS_SIGN_PUBLISHER: 'Contoso Ltd',
    AZURE_TENANT_ID: 't',
    AZURE_CLIENT_ID: 'c',
  };

  it('builds unsigned and says how to sign when nothing is set', () => {
    expect(signingPlan({})).toMatchObject({ sign: false, reason: expect.stringContaining('ACS_SIGN_ENDPOINT') });
  });

  it('passes the account as azureSignOptions overrides that electron-builder validates', async () => {
    const plan = signingPlan(complete);
    expect(plan).toEqual({
      sign: true,
      args: [
        '-c.win.azureSignOptions.endpoint=https://weu.codesigning.azure.net',
        '-c.win.azureSignOptions.codeSigningAccountName=acct',
        '-c.win.azureSignOptions.certificateProfileName=prof',
        '-c.win.azureSignOptions.publisherName=Contoso Ltd',
      ],
    });
    const config = await loadConfig();
    const azureSignOptions = { endpoint: 'https://weu.codesigning.azure.net', codeSigningAccountName: 'acct', certificateProfileName: 'prof', publisherName: 'Contoso Ltd' };
    await expect(validateConfiguration({ ...config, win: { ...config.win, azureSignOptions } }, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('refuses half-set signing settings or missing credentials', () => {
    expect(signingPlan({ ACS_SIGN_ENDPOINT: 'x' })).toMatchObject({ error: expect.stringContaining('ACS_SIGN_ACCOUNT') });
    expect(signingPlan({ ...complete, AZURE_TENANT_ID: '' })).toMatchObject({ error: expect.stringContaining('AZURE_TENANT_ID') });
  });
});
