// Which build of the app is running, for the elevation boundary (docs/security.md, "Elevation boundary").
// electron-builder's portable exe unpacks itself into the user's %TEMP% on every start and sets
// PORTABLE_EXECUTABLE_FILE: its files (the helper included) are writable by the person running it, so the
// portable build performs no elevated fix itself; it offers the administrator script (or the field kit).
import { isPackagedApp } from '../paths.js';

export function isPortableBuild(env: NodeJS.ProcessEnv = process.env, packaged: boolean = isPackagedApp()): boolean {
  return packaged && typeof env.PORTABLE_EXECUTABLE_FILE === 'string' && env.PORTABLE_EXECUTABLE_FILE !== '';
}
