// The exact Windows commands behind each action, as argument arrays: shown in previews, and what
// assets/fixes/acs-fix-helper.ps1 runs and records (its result's commands use the same files and arguments).
import type { CommandRequest } from '../../windows/command-runner.js';

/** C:\Windows (from SystemRoot): programs are started by full path, so a file of the same name in the
 * current folder or earlier in PATH is never run instead (the elevated one least of all). */
export function systemRoot(): string {
  return process.env.SystemRoot ?? process.env.windir ?? 'C:\\Windows';
}
const system32 = (name: string) => `${systemRoot()}\\System32\\${name}`;

export const CERTUTIL = system32('certutil.exe');
export const WUSA = system32('wusa.exe');
export const DISM = system32('dism.exe');
export const SC = system32('sc.exe');
export const SHUTDOWN = system32('shutdown.exe');
export const POWERSHELL = system32('WindowsPowerShell\\v1.0\\powershell.exe');
export const EXPAND = system32('expand.exe');

type Command = Pick<CommandRequest, 'file' | 'args'>;

export const commands = {
  /** Is the certificate in LocalMachine\Root? exit 0 = yes; CRYPT_E_NOT_FOUND = no. */
  findRootCertificate: (thumbprint: string): Command => ({ file: CERTUTIL, args: ['-store', 'Root', thumbprint] }),
  /**
   * How the elevated helper adds the root: its own pinned bytes, from memory, through .NET's X509Store
   * (LocalMachine\Root; .NET 2.0 and later, so Windows 7 / 2008 R2 too). No file is involved, so nothing can
   * be swapped between the check and the add; the helper records it under this name (acs-fix-helper.ps1).
   */
  addRootCertificate: (thumbprint: string): Command => ({ file: 'X509Store', args: ['LocalMachine\\Root', 'Add', thumbprint] }),
  removeRootCertificate: (thumbprint: string): Command => ({ file: CERTUTIL, args: ['-delstore', 'Root', thumbprint] }),
  wusaInstall: (packagePath: string): Command => ({ file: WUSA, args: [packagePath, '/quiet', '/norestart'] }),
  /** Lists the files inside a cabinet (an .msu is one): the inner package names carry the real KB. */
  listCabinet: (packagePath: string): Command => ({ file: EXPAND, args: ['-D', packagePath] }),
  dismAddPackage: (packagePath: string): Command => ({ file: DISM, args: ['/Online', '/Add-Package', `/PackagePath:${packagePath}`, '/Quiet', '/NoRestart'] }),
  startService: (name: string): Command => ({ file: SC, args: ['start', name] }),
  queryService: (name: string): Command => ({ file: SC, args: ['query', name] }),
  restart: (delaySeconds: number, comment: string): Command => ({ file: SHUTDOWN, args: ['/r', '/t', String(delaySeconds), '/c', comment] }),
  /** Opens the Windows Update page of Settings (Windows 10/11). */
  openUpdateSettings: (): Command => ({ file: `${systemRoot()}\\explorer.exe`, args: ['ms-settings:windowsupdate'] }),
  /** Opens Windows Update in Control Panel (Windows 7 / 8.1 / Server with Desktop Experience before 2016). */
  openUpdateControlPanel: (): Command => ({ file: system32('control.exe'), args: ['/name', 'Microsoft.WindowsUpdate'] }),
  /** Starts a scan through the Update Orchestrator (Windows 10 1709+ / Server 2019+; undocumented, prints nothing). */
  startUpdateScan: (): Command => ({ file: system32('UsoClient.exe'), args: ['StartInteractiveScan'] }),
  /** Older systems: asks the Windows Update agent to detect now. */
  detectUpdatesLegacy: (): Command => ({ file: system32('wuauclt.exe'), args: ['/detectnow'] }),
  /** Are we elevated? The token's integrity level SID: High (S-1-16-12288) or System (S-1-16-16384). */
  whoamiGroups: (): Command => ({ file: system32('whoami.exe'), args: ['/groups', '/fo', 'csv', '/nh'] }),
};

/** Get-AuthenticodeSignature with the path taken from the environment, never from the script text. */
export const AUTHENTICODE_SCRIPT = [
  "$ErrorActionPreference = 'Stop'",
  'if ($PSVersionTable.PSVersion.Major -ge 5) { $s = Get-AuthenticodeSignature -LiteralPath $env:ACS_PACKAGE_PATH } else { $s = Get-AuthenticodeSignature -FilePath $env:ACS_PACKAGE_PATH }',
  '$c = $s.SignerCertificate',
  '$o = @{ status = [string]$s.Status; statusMessage = [string]$s.StatusMessage; signerSubject = $(if ($c) { $c.Subject } else { $null }) }',
  // Windows PowerShell 2.0 (Windows 7 / 2008 R2) has no ConvertTo-Json.
  'if (Get-Command ConvertTo-Json -ErrorAction SilentlyContinue) { $o | ConvertTo-Json -Compress } else { Add-Type -AssemblyName System.Web.Extensions; (New-Object System.Web.Script.Serialization.JavaScriptSerializer).Serialize($o) }',
].join('; ');

export function authenticodeCommand(packagePath: string, timeoutMs: number): CommandRequest {
  return {
    file: POWERSHELL,
    args: ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', AUTHENTICODE_SCRIPT],
    env: { ACS_PACKAGE_PATH: packagePath },
    timeoutMs,
  };
}
