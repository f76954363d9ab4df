// The preload (CommonJS: sandboxed preloads cannot be ES modules, nor require our own files). It
// exposes exactly the contract's operations as `window.acsBridge`, one function each, plus `on` for
// the contract's events; nothing generic (no raw ipcRenderer, no channel names from the page).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS preload: the only import form TypeScript emits as require()
import electron = require('electron');
import type { IpcRendererEvent } from 'electron';
import type { AcsBridge, EventName, OperationName } from '../contract/index.js' with { 'resolution-mode': 'import' };

const { contextBridge, ipcRenderer } = electron;

const OPERATION_CHANNEL_PREFIX = 'acs:op:';
const EVENT_CHANNEL_PREFIX = 'acs:event:';

const operations: Record<OperationName, true> = {
  getAppInfo: true,
  startProbe: true,
  cancelProbe: true,
  getDiagnosis: true,
  getSnapshot: true,
  listPlan: true,
  previewFix: true,
  applyFix: true,
  cancelFix: true,
  verifyFix: true,
  undoFix: true,
  chooseUpdateFile: true,
  reboot: true,
  resumeAfterRestart: true,
  previewRedaction: true,
  exportReport: true,
  openReceived: true,
  closeReceived: true,
  decodeSupportCode: true,
  allowNetwork: true,
  openExternalLink: true,
  kitInfo: true,
  buildFixKit: true,
  readFixKit: true,
  copyText: true,
  openFolder: true,
  getPlaces: true,
  saveReportPdf: true,
  closeWindow: true,
  openUpgradeGuide: true,
};

const events: Record<EventName, true> = { 'probe-progress': true, 'fix-progress': true };

const bridge: Record<string, unknown> = {};
for (const name of Object.keys(operations)) {
  // One argument at most, passed as it is; the main process validates it.
  bridge[name] = (args?: unknown) => ipcRenderer.invoke(`${OPERATION_CHANNEL_PREFIX}${name}`, args ?? {});
}
bridge.on = (event: string, listener: (payload: unknown) => void): (() => void) => {
  if (!Object.prototype.hasOwnProperty.call(events, event) || typeof listener !== 'function') {
    throw new TypeError(`acsBridge.on: unknown event ${String(event)}`);
  }
  const channel = `${EVENT_CHANNEL_PREFIX}${event}`;
  const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(channel, handler);
  return () => {
    ipcRenderer.removeListener(channel, handler);
  };
};

contextBridge.exposeInMainWorld('acsBridge', Object.freeze(bridge as unknown as AcsBridge));
