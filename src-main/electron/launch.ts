// `npm start`: runs the desktop app with the Electron binary when one is installed; where none can be
// had (it is downloaded on first use, and some machines cannot download), says so in one sentence
// and opens the browser preview instead. Never triggers the download itself.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../paths.js';

export type ElectronLookup = { found: true; path: string } | { found: false; reason: string };

export const NO_ELECTRON_SENTENCE =
  'No Electron binary is installed on this machine (npm fetches it on first use, which needs access to GitHub), so the browser preview opens instead, against a simulated Windows machine.';

export interface LookupEnvironment {
  root: string;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  exists: (path: string) => boolean;
  read: (path: string) => string;
}

/** Finds the Electron executable the way the electron package does, without its download fallback. */
export function findElectronBinary(lookup: LookupEnvironment): ElectronLookup {
  const packageDir = join(lookup.root, 'node_modules', 'electron');
  if (!lookup.exists(join(packageDir, 'package.json'))) return { found: false, reason: 'the electron package is not installed' };
  const pathFile = join(packageDir, 'path.txt');
  const relative = lookup.exists(pathFile) ? lookup.read(pathFile).trim() : null;
  const override = lookup.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = join(override, relative ?? (lookup.platform === 'win32' ? 'electron.exe' : 'electron'));
    return lookup.exists(candidate) ? { found: true, path: candidate } : { found: false, reason: `ELECTRON_OVERRIDE_DIST_PATH has no ${candidate}` };
  }
  if (!relative) return { found: false, reason: 'the Electron binary was never downloaded' };
  const candidate = join(packageDir, 'dist', relative);
  return lookup.exists(candidate) ? { found: true, path: candidate } : { found: false, reason: `${candidate} is missing` };
}

export interface LaunchActions {
  runElectron(binary: string, args: readonly string[]): Promise<number>;
  runPreview(args: readonly string[]): Promise<void>;
  say(line: string): void;
}

/** Electron when there is one, else the sentence and the preview (opened in the browser). */
export async function launch(lookup: ElectronLookup, args: readonly string[], actions: LaunchActions): Promise<number> {
  if (lookup.found) return actions.runElectron(lookup.path, args);
  actions.say(NO_ELECTRON_SENTENCE);
  const simulate = args.find((arg) => arg.startsWith('--simulate='));
  await actions.runPreview(['--open', ...(simulate ? ['--profile', simulate.slice('--simulate='.length)] : [])]);
  return 0;
}

async function main(): Promise<void> {
  const root = projectRoot();
  const lookup = findElectronBinary({ root, env: process.env, platform: process.platform, exists: existsSync, read: (path) => readFileSync(path, 'utf8') });
  const code = await launch(lookup, process.argv.slice(2), {
    runElectron: (binary, args) =>
      new Promise((resolve) => {
        const child = spawn(binary, [root, ...args], { stdio: 'inherit', windowsHide: false });
        child.on('exit', (exitCode) => resolve(exitCode ?? 1));
        child.on('error', (error) => {
          console.error(`Electron could not start: ${error.message}`);
          resolve(1);
        });
      }),
    runPreview: async (args) => {
      const { runPreview } = await import('../preview/main.js');
      await runPreview(args);
    },
    say: (line) => console.log(line),
  });
  if (code !== 0) process.exitCode = code;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
