// The desktop shell's part of Copy, Open folder, Save as PDF and Close (issue 16, point 9): Electron's
// clipboard (the page itself may not write it), shell.openPath with its error string turned into a
// failure, the save dialog, and closing the window after the answer went back.
import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, Session } from 'electron';
import { createElectronShell } from '../../../src-main/electron/electron-shell.js';

function shellWith(extra: Partial<Parameters<typeof createElectronShell>[0]> = {}, window: Partial<BrowserWindow> | null = null) {
  return createElectronShell({
    dialog: { showOpenDialog: vi.fn() },
    shell: { openExternal: vi.fn() },
    BrowserWindow: class {} as never,
    pdfSession: () => ({}) as Session,
    window: () => window as BrowserWindow | null,
    ...extra,
  });
}

describe('desktop shell: copy, folders, save dialog, close', () => {
  it('copies with the system clipboard', async () => {
    const writeText = vi.fn();
    const shell = shellWith({ clipboard: { writeText } });
    await shell.copyText!('ACS-2NPX-1YFX');
    expect(writeText).toHaveBeenCalledWith('ACS-2NPX-1YFX');
    expect(shellWith().copyText).toBeUndefined();
  });

  it('opens a folder with shell.openPath; its error string becomes a failure', async () => {
    const openPath = vi.fn().mockResolvedValueOnce('').mockResolvedValueOnce('Access is denied.');
    const shell = shellWith({ shell: { openExternal: vi.fn(), openPath } });
    await shell.openFolder!('C:\\Users\\a\\AppData\\Roaming\\ACS Support Assistant\\reports');
    expect(openPath).toHaveBeenCalledWith('C:\\Users\\a\\AppData\\Roaming\\ACS Support Assistant\\reports');
    await expect(shell.openFolder!('C:\\x')).rejects.toThrow('Access is denied.');
  });

  it('asks where to save with the save dialog (cancel: null), parented to the app window', async () => {
    const window = { isDestroyed: () => false } as Partial<BrowserWindow>;
    const showSaveDialog = vi.fn().mockResolvedValueOnce({ canceled: true, filePath: '' }).mockResolvedValueOnce({ canceled: false, filePath: 'E:\\report.pdf' });
    const shell = shellWith({ dialog: { showOpenDialog: vi.fn(), showSaveDialog } }, window);
    expect(await shell.chooseSavePath!('C:\\r\\acs-report.pdf', { name: 'PDF', extensions: ['pdf'] })).toBeNull();
    expect(await shell.chooseSavePath!('C:\\r\\acs-report.pdf', { name: 'PDF', extensions: ['pdf'] })).toBe('E:\\report.pdf');
    expect(showSaveDialog.mock.calls[0]![0]).toBe(window);
    expect(showSaveDialog.mock.calls[0]![1]).toMatchObject({ defaultPath: 'C:\\r\\acs-report.pdf', filters: [{ extensions: ['pdf'] }] });
  });

  it('opens Settings > Windows Update by its fixed address (the upgrade guide)', async () => {
    const openExternal = vi.fn().mockResolvedValue(undefined);
    const shell = shellWith({ shell: { openExternal } });
    await shell.openWindowsUpdateSettings!();
    expect(openExternal).toHaveBeenCalledWith('ms-settings:windowsupdate', { activate: true });
  });

  it('closes the app window after answering', async () => {
    vi.useFakeTimers();
    try {
      const close = vi.fn();
      const shell = shellWith({}, { isDestroyed: () => false, close });
      shell.closeWindow!();
      expect(close).not.toHaveBeenCalled();
      vi.advanceTimersByTime(100);
      expect(close).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });
});
