// What differs between the desktop app and the browser preview, behind one interface the handler
// table uses: native dialogs or candidate lists, printing a PDF, opening links, where files go.
import type { LocalFile } from '../contract/index.js';

/** A file choice: a path from a native dialog, null when cancelled, or candidates to pick from. */
export type ShellChoice = { kind: 'chosen'; file: LocalFile } | { kind: 'cancelled' } | { kind: 'pick'; candidates: LocalFile[] };

export interface ShellAdapter {
  readonly kind: 'electron' | 'preview';
  /** An offline update package (.msu/.cab) for the given KB. */
  chooseUpdateFile(kb: string | null): Promise<ShellChoice>;
  /** A snapshot file (.json), or with `folder` a report folder, received from someone else. */
  chooseReceived(folder?: boolean): Promise<ShellChoice>;
  /** The folder a report goes to when the person wants to choose (USB stick); null = cancelled. */
  chooseExportFolder(): Promise<string | null>;
  /** Prints self-contained HTML to PDF bytes (Electron's printToPDF); absent where there is none. */
  printPdf?: (html: string) => Promise<Uint8Array>;
  /** Hands an allow-listed link to the system browser, or leaves it to the renderer (preview). */
  openExternal(url: string): Promise<'system-browser' | 'renderer'>;
  /** Puts a text on the system clipboard; absent: the renderer copies it (preview). */
  copyText?: (text: string) => Promise<void>;
  /** Opens a folder the session vouched for in Explorer (throws with the reason); absent: nothing opens (preview). */
  openFolder?: (path: string) => Promise<void>;
  /** Where to save a file (a save dialog starting at `defaultPath`); null = cancelled; absent: no dialog (preview). */
  chooseSavePath?: (defaultPath: string, filter: { name: string; extensions: string[] }) => Promise<string | null>;
  /** Closes the app window (the app quits); absent: the preview cannot close the browser tab. */
  closeWindow?: () => void;
  /** Opens Settings > Windows Update of this computer (ms-settings:windowsupdate); absent: the preview. */
  openWindowsUpdateSettings?: () => Promise<void>;
}
