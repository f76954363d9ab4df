// Where the program finds its bundled files (collector script, root certificate, Intune scripts):
// the assets/ folder of the project, or the resources folder of the installed desktop app.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedProjectRoot: string | undefined;

/** The folder holding package.json, found by walking up from this file (works from src-main/ and dist/). */
export function projectRoot(): string {
  if (cachedProjectRoot) return cachedProjectRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'assets'))) {
      cachedProjectRoot = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the project folder (package.json with assets/ beside it)');
    dir = parent;
  }
}

let packagedMark: boolean | undefined;

/** The desktop app says what Electron knows (app.isPackaged) once at start. */
export function markPackagedApp(packaged: boolean): void {
  packagedMark = packaged;
}

/** An installed (packaged) desktop app: Electron without its default app (`electron .` sets process.defaultApp). */
export function isPackagedApp(): boolean {
  if (packagedMark !== undefined) return packagedMark;
  return Boolean(process.versions.electron) && !(process as NodeJS.Process & { defaultApp?: boolean }).defaultApp;
}

/** The assets folder: ACS_ASSETS_DIR (development copies only: a packaged app ignores it), else Electron's
 * resources folder when packaged, else the project's. */
export function assetsDir(): string {
  const override = isPackagedApp() ? undefined : process.env.ACS_ASSETS_DIR;
  if (override) return override;
  const resources = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  if (resources && existsSync(join(resources, 'assets'))) return join(resources, 'assets');
  return join(projectRoot(), 'assets');
}

export function assetPath(...parts: string[]): string {
  return join(assetsDir(), ...parts);
}
