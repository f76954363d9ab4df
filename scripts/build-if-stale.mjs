#!/usr/bin/env node
// `npm run preview` starts without rebuilding everything (issue 16, point 13): each part of the build
// (main process, Windows double, renderer) is built again only when one of its sources is newer than
// the oldest file it produced, or when its output is missing. `--force` builds every part; `npm run
// build` always does. Exit code: 0 built or up to date, else the failing build's.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** What each build script reads and writes. `sources`: folders (walked, filtered by `files`) and single files. */
export const PARTS = [
  { name: 'main', script: 'build:main', output: 'dist/main', sources: ['src-main', 'tsconfig.build.json', 'tsconfig.base.json', 'package.json'], files: /\.(c|m)?ts$/ },
  { name: 'double', script: 'build:double', output: 'dist/double', sources: ['test/windows-double', 'tsconfig.base.json'], files: /(?<!\.test)\.ts$|tsconfig\.json$/ },
  {
    name: 'renderer',
    script: 'build:renderer',
    output: 'dist-renderer',
    // The renderer bundles the shared names and reads the contract's types; Vite's config and the dependencies.
    sources: ['src-renderer', 'src-main/shared', 'src-main/contract', 'package.json', 'package-lock.json'],
    files: /./,
  },
];

/** Every file under `path` (a file or a folder), skipping node_modules. */
function* filesUnder(path) {
  let info;
  try {
    info = statSync(path);
  } catch {
    return;
  }
  if (info.isFile()) {
    yield { path, mtimeMs: info.mtimeMs };
    return;
  }
  if (!info.isDirectory()) return;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    yield* filesUnder(join(path, entry));
  }
}

/** Why the part must be built again, or null when it is up to date. */
export function staleReason(part, base = root) {
  const output = join(base, part.output);
  if (!existsSync(output)) return `${part.output} is missing`;
  let oldest = Infinity;
  for (const file of filesUnder(output)) oldest = Math.min(oldest, file.mtimeMs);
  if (oldest === Infinity) return `${part.output} is empty`;
  for (const source of part.sources) {
    const path = join(base, source);
    for (const file of filesUnder(path)) {
      // A single file named in `sources` always counts; inside folders only the matching kinds do.
      if (file.path !== path && !part.files.test(file.path)) continue;
      if (file.mtimeMs > oldest) return `${relative(base, file.path)} changed since the last build`;
    }
  }
  return null;
}

function main() {
  const force = process.argv.includes('--force');
  const fresh = [];
  for (const part of PARTS) {
    const reason = force ? 'asked with --force' : staleReason(part);
    if (!reason) {
      fresh.push(part.name);
      continue;
    }
    console.log(`Building ${part.name} (${reason})…`);
    // npm's own script runner (npm_execpath, set by `npm run`), with no shell in between.
    const npm = process.env.npm_execpath;
    const result = npm
      ? spawnSync(process.execPath, [npm, 'run', '--silent', part.script], { cwd: root, stdio: 'inherit' })
      : spawnSync('npm', ['run', '--silent', part.script], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) {
      console.error(`Building ${part.name} failed (npm run ${part.script}).`);
      process.exit(result.status ?? 1);
    }
  }
  if (fresh.length > 0) console.log(`Up to date, not built again: ${fresh.join(', ')} (npm run build builds everything).`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
