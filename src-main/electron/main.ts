// Electron's entry point (package.json "main"): starts the desktop app with the real electron module.
import * as electron from 'electron';
import { startDesktopApp } from './desktop-app.js';

startDesktopApp(electron).catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  electron.dialog.showErrorBox('ACS Support Assistant could not start', error instanceof Error ? error.message : String(error));
  electron.app.exit(1);
});
