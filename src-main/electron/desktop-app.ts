// Puts the desktop app together: the app:// scheme and security rules before anything loads, the
// handler table on this machine (or a simulated one), IPC with sender checks, one hardened window,
// and progress events forwarded to it.
import type * as Electron from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, type AppInstance } from '../app/create-app.js';
import { defaultServices } from '../app/default-services.js';
import { PRODUCT_NAME } from '../app/handlers/info.js';
import { createHost } from '../host/create-host.js';
import { markPackagedApp } from '../paths.js';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, handleAppRequest } from './app-protocol.js';
import { createElectronShell, PDF_PARTITION } from './electron-shell.js';
import { hardenContents, hardenSession } from './hardening.js';
import { chooseHost, hostRequest } from './host-choice.js';
import { eventChannel, registerIpc } from './ipc.js';
import { mainWindowOptions } from './window-options.js';

export type ElectronModule = Pick<typeof Electron, 'app' | 'BrowserWindow' | 'dialog' | 'ipcMain' | 'protocol' | 'session' | 'shell'> & Partial<Pick<typeof Electron, 'clipboard'>>;

export interface DesktopApp {
  app: AppInstance;
  window: Electron.BrowserWindow;
}

/** The compiled preload sits next to this file (preload.cts -> preload.cjs). */
export function preloadPath(): string {
  return join(dirname(fileURLToPath(import.meta.url)), 'preload.cjs');
}

export async function startDesktopApp(electron: ElectronModule, argv: readonly string[] = process.argv): Promise<DesktopApp | null> {
  const { app, BrowserWindow, ipcMain, protocol, session, shell, dialog, clipboard } = electron;
  markPackagedApp(app.isPackaged);
  const choice = chooseHost(argv, process.env, process.platform, app.isPackaged);
  if (choice.kind === 'refused') {
    console.error(choice.message);
    dialog.showErrorBox(PRODUCT_NAME, choice.message);
    app.exit(64);
    return null;
  }
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  const openExternal = (url: string) => shell.openExternal(url, { activate: true });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, openExternal));
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  hardenSession(session.defaultSession);
  const rendererDir = join(app.getAppPath(), 'dist-renderer');
  protocol.handle(APP_SCHEME, (request) => handleAppRequest(rendererDir, request));

  let window: Electron.BrowserWindow | null = null;
  const host = await createHost(hostRequest(choice), { packaged: app.isPackaged });
  const instance = createApp(
    {
      host,
      services: defaultServices,
      shell: createElectronShell({
        dialog,
        shell,
        ...(clipboard ? { clipboard } : {}),
        BrowserWindow,
        pdfSession: () => session.fromPartition(PDF_PARTITION),
        window: () => window,
        ...(host.localFiles ? { localFiles: host.localFiles } : {}),
      }),
      workDir: app.getPath('userData'),
      network: false,
    },
    (line) => console.error(line),
  );
  registerIpc(
    ipcMain,
    instance.dispatch,
    () => (window && !window.isDestroyed() ? window.webContents.id : null),
    (line) => console.error(line),
  );

  const created = new BrowserWindow(mainWindowOptions(preloadPath(), PRODUCT_NAME));
  window = created;
  instance.session.events.subscribe((name, payload) => {
    if (!created.isDestroyed()) created.webContents.send(eventChannel(name), payload);
  });
  app.on('second-instance', () => {
    if (created.isDestroyed()) return;
    if (created.isMinimized()) created.restore();
    created.focus();
  });
  created.once('ready-to-show', () => created.show());
  // The Windows display language (issue 17): the wizard follows it unless the person picked another.
  await created.loadURL(`${APP_ENTRY_URL}?systemLanguages=${encodeURIComponent(app.getPreferredSystemLanguages().join(','))}`);
  return { app: instance, window: created };
}
