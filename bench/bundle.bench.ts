// The packaged app's main-process bundle: bytes of the compiled JavaScript electron-builder packs
// (dist/main, without source maps and declarations: the `files` rules of electron-builder.yml), and
// what the Windows double (dist/double, test/windows-double/profiles) would add if it were still packed.
// Needs `npm run build` first.
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Total bytes and count of the files under `folder` whose name passes `keep`. */
async function folderBytes(folder: string, keep: (name: string) => boolean): Promise<{ bytes: number; files: number }> {
  if (!existsSync(folder)) return { bytes: 0, files: 0 };
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !keep(entry.name)) continue;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
    files += 1;
  }
  return { bytes, files };
}

/** What electron-builder.yml packs of dist/main: everything but *.map and TypeScript files (.d.ts included). */
const packedMain = (name: string) => !/\.(map|ts|tsx|cts|mts|md)$/.test(name);
const javascript = (name: string) => /\.(js|cjs|mjs)$/.test(name);

export async function runBundleBenchmark(): Promise<Record<string, unknown>> {
  if (!existsSync(join(ROOT, 'dist', 'main', 'electron', 'main.js'))) throw new Error('the app is not built: run `npm run build` first');
  const main = await folderBytes(join(ROOT, 'dist', 'main'), (name) => packedMain(name) && javascript(name));
  const double = await folderBytes(join(ROOT, 'dist', 'double'), javascript);
  const profiles = await folderBytes(join(ROOT, 'test', 'windows-double', 'profiles'), (name) => name.endsWith('.json'));
  return { packedMainJsBytes: main.bytes, packedMainJsFiles: main.files, doubleJsBytesNotPacked: double.bytes, profilesBytesNotPacked: profiles.bytes };
}
