// Starts a complete browser preview: a simulated Windows machine from a profile, the app (handler
// table + dispatcher) on it, and the loopback server for the built renderer. Used by `npm run
// preview`, by `npm start` when there is no Electron, and by the Playwright journeys (one per test).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type AppInstance } from '../app/create-app.js';
import { defaultServices } from '../app/default-services.js';
import type { AppServices } from '../app/services.js';
import type { HostBinding } from '../host/binding.js';
import { createHost } from '../host/create-host.js';
import { DEFAULT_SIMULATED_PROFILE } from '../host/simulator.js';
import { projectRoot } from '../paths.js';
import { pacedProbeServices, type ProbePace } from './paced-probe.js';
import { createPreviewShell } from './preview-shell.js';
import { startPreviewServer, type PreviewServer } from './server.js';

export const DEFAULT_PREVIEW_PROFILE = DEFAULT_SIMULATED_PROFILE;

export interface PreviewOptions {
  /** Simulated machine profile (test/windows-double/profiles/NAME.json). */
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
  /** A host made by the caller (tests that keep the simulated machine at hand); default: the profile's. */
  host?: HostBinding;
  /** Replay the probe's section reports at the simulated machine's timing (`npm run preview` does: a
   * hanging section really waits); default: as fast as the simulation answers. */
  probePace?: ProbePace;
}

export interface PreviewApp {
  app: AppInstance;
  host: HostBinding;
  dataDir: string;
  /** The data folder is a temporary one made here (no --data-dir): close() removes it. */
  temporaryDataDir: boolean;
}

export interface RunningPreview extends PreviewApp {
  server: PreviewServer;
  close(): Promise<void>;
}

/** The app on a simulated machine, without the server (tests drive its dispatcher directly). */
export async function createPreviewApp(options: PreviewOptions = {}): Promise<PreviewApp> {
  const host = options.host ?? (await createHost({ kind: 'simulated', profile: options.profile ?? DEFAULT_PREVIEW_PROFILE, declineUac: options.declineUac === true }));
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'acs-preview-')));
  const receivedDir = options.receivedDir === undefined ? join(projectRoot(), 'test', 'fixtures', 'snapshots') : options.receivedDir;
  const app = createApp(
    {
      host,
      services: options.probePace ? pacedProbeServices(options.services ?? defaultServices, options.probePace) : (options.services ?? defaultServices),
      shell: createPreviewShell({ localFiles: host.localFiles ?? (() => []), receivedDir, exportDir: join(dataDir, 'exports') }),
      workDir: dataDir,
      network: options.network ?? false,
    },
    options.log,
  );
  return { app, host, dataDir, temporaryDataDir: options.dataDir === undefined };
}

export async function startPreview(options: PreviewOptions = {}): Promise<RunningPreview> {
  const { app, host, dataDir, temporaryDataDir } = await createPreviewApp(options);
  const server = await startPreviewServer({
    dispatch: app.dispatch,
    events: app.session.events,
    rendererDir: options.rendererDir ?? join(projectRoot(), 'dist-renderer'),
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.token === undefined ? {} : { token: options.token }),
    ...(options.log ? { log: options.log } : {}),
  });
  // Stopping the preview (Ctrl+C, the end of a journey) leaves no temporary folder behind (issue 16,
  // point 13): the data folder made here goes with its journal, requests and reports; a --data-dir stays.
  const close = async () => {
    await server.close();
    if (temporaryDataDir) await rm(dataDir, { recursive: true, force: true });
  };
  return { server, app, host, dataDir, temporaryDataDir, close };
}
