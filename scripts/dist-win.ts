// `npm run dist:win`: builds the Windows installer and portable exe with electron-builder, signing
// them with Azure Trusted Signing when the environment names the signing account. Nothing secret is
// in the repository: Entra ID credentials are read by electron-builder itself from AZURE_TENANT_ID,
// AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or the other methods Microsoft documents).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** Environment names for the signing account (not secrets, but specific to the organisation). */
export const SIGNING_ENVIRONMENT = {
  endpoint: 'ACS_SIGN_ENDPOINT',
  codeSigningAccountName: 'ACS_SIGN_ACCOUNT',
  certificateProfileName: 'ACS_SIGN_PROFILE',
  publisherName: 'ACS_SIGN_PUBLISHER',
} as const;

export type SigningPlan = { sign: true; args: string[] } | { sign: false; reason: string } | { error: string };

/** electron-builder `-c.` overrides for win.azureSignOptions, or why the build stays unsigned. */
export function signingPlan(env: NodeJS.ProcessEnv): SigningPlan {
  const entries = Object.entries(SIGNING_ENVIRONMENT).map(([option, name]) => [option, name, env[name]?.trim() ?? ''] as const);
  const set = entries.filter(([, , value]) => value !== '');
  if (set.length === 0) return { sign: false, reason: `unsigned build: set ${Object.values(SIGNING_ENVIRONMENT).join(', ')} (and the AZURE_* credentials) to sign with Trusted Signing` };
  if (set.length < entries.length) {
    return {
      error: `incomplete signing settings: ${entries
        .filter(([, , value]) => value === '')
        .map(([, name]) => name)
        .join(', ')} not set`,
    };
  }
  if (!env.AZURE_TENANT_ID || !env.AZURE_CLIENT_ID) return { error: 'signing needs Microsoft Entra ID credentials: AZURE_TENANT_ID, AZURE_CLIENT_ID and a secret or certificate' };
  return { sign: true, args: set.map(([option, , value]) => `-c.win.azureSignOptions.${option}=${value}`) };
}

async function main(): Promise<void> {
  const plan = signingPlan(process.env);
  if ('error' in plan) {
    console.error(`dist:win: ${plan.error}`);
    process.exitCode = 1;
    return;
  }
  console.log(plan.sign ? 'dist:win: signing with Azure Trusted Signing' : `dist:win: ${plan.reason}`);
  const cli = createRequire(import.meta.url).resolve('electron-builder/cli.js');
  const args = [cli, '--win', '--config', 'electron-builder.yml', '--publish', 'never', ...(plan.sign ? plan.args : []), ...process.argv.slice(2)];
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit' });
    child.on('exit', (exitCode) => resolve(exitCode ?? 1));
    child.on('error', () => resolve(1));
  });
  process.exitCode = code;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
