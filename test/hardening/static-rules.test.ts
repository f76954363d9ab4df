// House rules checked on the source itself, so a later change that breaks them fails here: processes
// only through execFile/spawn with argument arrays (no shell), in the few files allowed to start
// them; PowerShell script text is a constant (data travels by environment or stdin); no network
// code outside the loopback preview; no HTML injection sinks in the renderer.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authenticodeCommand } from '../../src-main/fixes/actions/commands.js';
import { elevationLauncherCommand } from '../../src-main/fixes/elevation.js';
import { projectRoot } from './support/hostile.js';

function sources(folder: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx|cts|mts)$/.test(name)) out.push({ file: relative(projectRoot, path), text: readFileSync(path, 'utf8') });
    }
  };
  walk(join(projectRoot, folder));
  return out;
}

const main = sources('src-main');
const renderer = sources('src-renderer');

describe('processes', () => {
  it('only the node runner, the Electron launcher and the preview browser opener touch child_process', () => {
    const users = main
      .filter((source) => /from 'node:child_process'|require\('child_process'\)|from 'child_process'/.test(source.text))
      .map((source) => source.file)
      .sort();
    expect(users).toEqual(['src-main/electron/launch.ts', 'src-main/preview/open-browser.ts', 'src-main/windows/node-runner.ts']);
    expect(renderer.filter((source) => /child_process/.test(source.text))).toEqual([]);
  });

  it('no shell: no exec/execSync/spawnSync, no shell option anywhere', () => {
    for (const source of main) {
      expect(source.text, source.file).not.toMatch(/\bshell\s*:\s*true\b/);
      expect(source.text, source.file).not.toMatch(/\b(execSync|spawnSync|execFileSync)\s*\(/);
      expect(source.text, source.file).not.toMatch(/import\s*\{[^}]*\bexec\b[^}]*\}\s*from\s*'node:child_process'/);
    }
  });

  it('every PowerShell -Command is a named constant script, never text built from data', () => {
    const seen = new Set<string>();
    for (const source of main) {
      for (const match of source.text.matchAll(/'-Command',\s*([^\]\s,]+)/g)) {
        const script = match[1]!;
        if (script.startsWith("'<")) continue; // a journal label, not a command that runs
        seen.add(script);
        expect(script, `${source.file}: -Command ${script}`).toMatch(/^[A-Z][A-Z0-9_]+$/);
        const definition =
          new RegExp(`export const ${script} = \\[([\\s\\S]*?)\\]\\.join`).exec(source.text) ?? new RegExp(`const ${script} = \\[([\\s\\S]*?)\\]\\.join`).exec(main.map((s) => s.text).join('\n'));
        expect(definition, `${script} is defined as a constant array of lines`).not.toBeNull();
        expect(definition![1], `${script} holds no \${} interpolation`).not.toContain('${');
      }
    }
    // The elevation launcher is a shipped script file (assets/fixes/acs-elevate.ps1), started with -File.
    expect([...seen].sort()).toEqual(['AUTHENTICODE_SCRIPT']);
  });

  it('the script text is the same whatever the path or action: data goes through the environment', () => {
    const a = authenticodeCommand('C:\\a.msu', 1000);
    const b = authenticodeCommand("E:\\x'; Remove-Item C:\\ -Recurse; '.msu", 1000);
    expect(b.args).toEqual(a.args);
    expect(b.env).toEqual({ ACS_PACKAGE_PATH: "E:\\x'; Remove-Item C:\\ -Recurse; '.msu" });
    const sha = 'A'.repeat(64);
    const run = '0b6c3e1a-4f2d-4c8e-9a7b-1d2e3f405162';
    const l1 = elevationLauncherCommand('C:\\l.ps1', 'C:\\h.ps1', 'import-root-certificate', 'C:\\r.json', sha, run, 1000);
    const l2 = elevationLauncherCommand('C:\\l.ps1', 'C:\\$(evil)\\h.ps1', 'start-services', 'C:\\`x`\\r.json', sha, run, 1000);
    expect(l2.args).toEqual(l1.args);
    expect(l2.env).toEqual({
      ACS_HELPER_SCRIPT: 'C:\\$(evil)\\h.ps1',
      ACS_HELPER_ACTION: 'start-services',
      ACS_HELPER_REQUEST: 'C:\\`x`\\r.json',
      ACS_HELPER_REQUEST_SHA256: sha,
      ACS_HELPER_RUN_ID: run,
    });
  });
});

describe('network', () => {
  it('no network code in the main process outside the loopback preview server (the probe reaches the root update source only through the collector script, when allowed)', () => {
    const networkUsers = main.filter((source) => /from 'node:(http|https|net|tls|dgram|dns)'|\bfetch\s*\(|new WebSocket\(|XMLHttpRequest/.test(source.text)).map((source) => source.file);
    const allowed = ['src-main/preview/server.ts', 'src-main/preview/request-guard.ts', 'src-main/redaction/patterns.ts'];
    expect(networkUsers.filter((file) => !allowed.includes(file))).toEqual([]);
    // The redaction module imports node:net only for isIPv4/isIPv6 (no sockets).
    expect(main.find((source) => source.file === 'src-main/redaction/patterns.ts')!.text).toMatch(/import \{ isIPv4, isIPv6 \} from 'node:net'/);
  });

  it('the renderer talks only to its own origin (relative bridge addresses)', () => {
    let calls = 0;
    for (const source of renderer) {
      for (const match of source.text.matchAll(/\b(fetch|EventSource)\s*\(\s*([^,)]+)/g)) {
        calls += 1;
        expect(match[2], `${source.file}: ${match[0]}`).not.toMatch(/^['"`]https?:/);
      }
      expect(source.text, source.file).not.toMatch(/['"`]https?:\/\/(?!www\.w3\.org)[^'"`]*['"`]\s*\)/);
    }
    expect(calls).toBeGreaterThan(0);
  });
});

describe('renderer injection sinks', () => {
  it('no innerHTML, dangerouslySetInnerHTML, eval, new Function, document.write or javascript: URLs', () => {
    for (const source of renderer) {
      expect(source.text, source.file).not.toMatch(/dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|\beval\s*\(|new Function\s*\(|document\.write/);
      expect(source.text, source.file).not.toMatch(/href=\{?['"`]javascript:/i);
    }
  });
});
