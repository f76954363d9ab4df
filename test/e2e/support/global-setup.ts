// Before the journeys: clears old screenshots and builds the renderer once (Vite, about a second), so
// the journeys never test stale files.
import { rmSync } from 'node:fs';
import { build } from 'vite';
import { SCREENSHOT_DIR } from './journey.js';

export default async function globalSetup(): Promise<void> {
  // Screenshots of this run only (numbering changes when a journey changes).
  rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
  await build({ configFile: 'src-renderer/vite.config.mts', logLevel: 'warn' });
}
