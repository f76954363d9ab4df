#!/usr/bin/env node
// `npm run preview`: the wizard in a browser against a simulated Windows machine, through the same
// handler table as the desktop app. Flags choose the machine; the printed address carries the token.
import { Command, InvalidArgumentError } from 'commander';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadSimulator } from '../host/simulator.js';
import { previewLogWriter } from './log-writer.js';
import { openInBrowser } from './open-browser.js';
import { REAL_TIME_PACE } from './paced-probe.js';
import { DEFAULT_PREVIEW_PROFILE, startPreview } from './start.js';
import { projectRoot } from '../paths.js';

function portNumber(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('a port number 0-65535 (0: any free port)');
  return port;
}

export function previewProgram(): Command {
  return new Command('acs-preview')
    .description('Serve the ACS Support Assistant wizard on 127.0.0.1 against a simulated Windows machine.')
    .option('--profile <name>', 'simulated machine profile (see --list-profiles)', DEFAULT_PREVIEW_PROFILE)
    .option('--list-profiles', 'list the simulated machines and exit')
    .option('--port <number>', 'port on 127.0.0.1 (default: a random free port)', portNumber, 0)
    .option('--decline-uac', 'the simulated person answers the administrator prompt with "No"')
    .option('--received-dir <folder>', 'snapshots and report folders offered by "Open a snapshot"')
    .option('--data-dir <folder>', "the app's data folder (journal, reports); default: a new temporary folder")
    .option('--fast', "answer the check at once (default: at the simulated machine's own pace, so a hanging part really waits)")
    .option('--open', 'open the address in the default browser')
    .showHelpAfterError();
}

export async function runPreview(argv: readonly string[]): Promise<void> {
  const program = previewProgram().parse([...argv], { from: 'user' });
  const options = program.opts<{ profile: string; listProfiles?: boolean; port: number; declineUac?: boolean; receivedDir?: string; dataDir?: string; open?: boolean; fast?: boolean }>();
  if (options.listProfiles) {
    for (const profile of await (await loadSimulator()).listSimulatedProfiles()) console.log(`${profile.name.padEnd(36)} ${profile.title}`);
    return;
  }
  const rendererDir = join(projectRoot(), 'dist-renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    console.error('The renderer is not built yet: run `npm run build:renderer` (or `npm run preview`, which builds it).');
    process.exitCode = 1;
    return;
  }
  const preview = await startPreview({
    profile: options.profile,
    port: options.port,
    declineUac: options.declineUac === true,
    ...(options.receivedDir ? { receivedDir: options.receivedDir } : {}),
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    rendererDir,
    log: previewLogWriter(),
    ...(options.fast ? {} : { probePace: REAL_TIME_PACE }),
  });
  const view = preview.host.view;
  console.log(`ACS Support Assistant preview — simulated Windows: ${view.kind === 'simulated' ? `${view.title} (${view.profile})` : preview.host.label}`);
  console.log(`Open ${preview.server.url}`);
  console.log(
    preview.temporaryDataDir ? `Data folder: ${preview.dataDir} (temporary: removed when you stop the preview). Press Ctrl+C to stop.` : `Data folder: ${preview.dataDir}. Press Ctrl+C to stop.`,
  );
  if (options.open && !(await openInBrowser(preview.server.url))) console.log('(Could not open a browser: copy the address above.)');
  const stop = () =>
    void preview.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`The preview stopped, but its data folder could not be removed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runPreview(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
