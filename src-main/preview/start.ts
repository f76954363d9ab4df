// Starts a complete browser preview: a simulated Windows machine from a profile, the app (handler
// table + dispatcher) on it, and the loopback server for the built renderer. Used by `npm run
// preview`, by `npm start` when there is no Electron, and by the Playwright journeys (one per test).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type AppInstance } from '../app/create-app.js';
import { defaultServices } from '../app/default-services.js';
import type { AppServices } from '../app/services.js';
import { projectRoot } from '../paths.js';
import { simulatedFileAccess } from '../windows/simulated/fix-commands.js';
import { createSimulatedHost, loadMachineProfile, type SimulatedHost } from '../windows/simulated/index.js';
import { createPreviewShell } from './preview-shell.js';
import { startPreviewServer, type PreviewServer } from './server.js';

export const DEFAULT_PREVIEW_PROFILE = 'win10-21h2-offline-unpatched';

export interface PreviewOptions {
  /** Simulated machine profile (assets/simulated/profiles/NAME.json). */
  profile?: string;
  /** The app runs without administrator rights and the person answers the prompt with "No" (UAC declined). */
  declineUac?: boolean;
  port?: number;
  token?: string;
  /** Default: dist-renderer/ of the project. */
  rendererDir?: string;
  /** Snapshots and report folders the "open a snapshot" picker offers. Default: test/fixtures/snapshots. */
  receivedDir?: string | null;
  /** The app's data folder (journal, reports). Default: a new temporary folder. */
  dataDir?: string;
  /** Allow the app's own network use (default false: offline first). */
  network?: boolean;
  services?: AppServices;
  log?: (line: string) => void;
}

export interface PreviewApp {
  app: AppInstance;
  host: SimulatedHost;
  dataDir: string;
}

export interface RunningPreview extends PreviewApp {
  server: PreviewServer;
  close(): Promise<void>;
}

/** The app on a simulated machine, without the server (tests drive its dispatcher directly). */
export async function createPreviewApp(options: PreviewOptions = {}): Promise<PreviewApp> {
  const profile = options.profile ?? DEFAULT_PREVIEW_PROFILE;
  const loaded = await loadMachineProfile(profile);
  const host = await createSimulatedHost(loaded, options.declineUac ? { user: { ...loaded.machine.user, elevated: false, uacAnswer: 'decline' } } : {});
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'acs-preview-')));
  const receivedDir = options.receivedDir === undefined ? join(projectRoot(), 'test', 'fixtures', 'snapshots') : options.receivedDir;
  const app = createApp(
    {
      host: {
        runner: host.runner,
        view: { kind: 'simulated', profile: host.profile.name, title: host.profile.title, story: host.profile.story },
        simulatedFiles: () => host.machine.state.localFiles,
        files: simulatedFileAccess(host.machine),
      },
      services: options.services ?? defaultServices,
      shell: createPreviewShell({ simulatedFiles: () => host.machine.state.localFiles, receivedDir, exportDir: join(dataDir, 'exports') }),
      workDir: dataDir,
      network: options.network ?? false,
      fixPollIntervalMs: 0,
    },
    options.log,
  );
  return { app, host, dataDir };
}

export async function startPreview(options: PreviewOptions = {}): Promise<RunningPreview> {
  const { app, host, dataDir } = await createPreviewApp(options);
  const server = await startPreviewServer({
    dispatch: app.dispatch,
    events: app.session.events,
    rendererDir: options.rendererDir ?? join(projectRoot(), 'dist-renderer'),
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.token === undefined ? {} : { token: options.token }),
    ...(options.log ? { log: options.log } : {}),
  });
  return { server, app, host, dataDir, close: () => server.close() };
}
