// Opens an address in the person's default browser: one program per platform, arguments as an
// array (no shell), a time limit, and failure only reported (the address is printed anyway).
import { execFile } from 'node:child_process';

export function browserCommand(platform: NodeJS.Platform, url: string): { file: string; args: string[] } {
  if (platform === 'win32') return { file: 'rundll32.exe', args: ['url.dll,FileProtocolHandler', url] };
  if (platform === 'darwin') return { file: 'open', args: [url] };
  return { file: 'xdg-open', args: [url] };
}

export function openInBrowser(url: string, platform: NodeJS.Platform = process.platform): Promise<boolean> {
  const { file, args } = browserCommand(platform, url);
  return new Promise((resolve) => {
    try {
      const child = execFile(file, args, { timeout: 10_000, windowsHide: true }, (error) => resolve(!error));
      child.unref();
    } catch {
      resolve(false);
    }
  });
}
