// Where pwsh is: on PATH, else where `dotnet tool install --global PowerShell` puts it (found once).
// Used by the test harness (test/support/pwsh.ts) and the simulated host's real-helper mode.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

let cachedPwsh: string | null | undefined;

export function findPwsh(): string | null {
  if (cachedPwsh !== undefined) return cachedPwsh;
  const candidates = [...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'pwsh')), join(homedir(), '.dotnet/tools/pwsh')];
  cachedPwsh = candidates.find((candidate) => existsSync(candidate)) ?? null;
  return cachedPwsh;
}
