// Builds the renderer once before the journeys (Vite, under a second), so they never test stale files.
import { build } from 'vite';

export default async function globalSetup(): Promise<void> {
  await build({ configFile: 'src-renderer/vite.config.mts', logLevel: 'warn' });
}
