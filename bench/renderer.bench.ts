// Benchmark: the wizard's weight and speed in the browser preview on the simulated host — renderer
// JavaScript shipped (gzipped KB), navigation to the first interactive screen, and "Start" to the
// result screen. Run: npx tsx bench/renderer.bench.ts [runs]. Simulated host, system Chromium.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { startPreview } from '../src-main/preview/start.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const START_LABEL = 'Check this computer';

export interface RendererBenchmarkResult {
  name: 'renderer';
  profile: string;
  runs: number;
  /** Sum of the renderer's JavaScript files, each gzipped (what the window loads). */
  rendererJsGzipKb: number;
  rendererJsRawKb: number;
  /** Median: navigation start to the welcome screen's Start button being shown and enabled, in a
   * fresh browser context (cold: nothing cached, new renderer process). */
  firstScreenMs: number;
  /** Median: the same, when the window loads the page again (files cached, renderer process warm). */
  firstScreenWarmMs: number;
  /** Median: the Start click to the result screen, probe + diagnosis on the simulated host included. */
  startToResultMs: number;
  targets: { rendererJsGzipKb: number; firstScreenMs: number; startToResultMs: number };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function chromiumExecutable(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

async function measureBundle(): Promise<{ gzipKb: number; rawKb: number }> {
  await build({ configFile: join(ROOT, 'src-renderer', 'vite.config.mts'), logLevel: 'silent' });
  const assets = join(ROOT, 'dist-renderer', 'assets');
  let gzip = 0;
  let raw = 0;
  for (const file of (await readdir(assets)).filter((name) => name.endsWith('.js'))) {
    const bytes = await readFile(join(assets, file));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { gzipKb: Math.round((gzip / 1024) * 10) / 10, rawKb: Math.round((raw / 1024) * 10) / 10 };
}

/** Clicks Start in the page and resolves with the ms until the result screen's heading is shown. */
const START_TO_RESULT_SCRIPT = `new Promise((resolve) => {
  const started = performance.now();
  const poll = () => (document.querySelector('main[data-step="result"] h1') ? resolve(performance.now() - started) : requestAnimationFrame(poll));
  [...document.querySelectorAll('button')].find((button) => button.textContent === ${JSON.stringify(START_LABEL)}).click();
  requestAnimationFrame(poll);
})`;

/** In-page time (ms since navigation start) when the Start button is shown and enabled; polled from
 * the moment the navigation commits, once per frame. */
function firstInteractive(page: Page): Promise<number> {
  const script = `(() => {
    const start = [...document.querySelectorAll('button')].find((button) => button.textContent === ${JSON.stringify(START_LABEL)});
    return start && !start.disabled && start.offsetParent !== null ? performance.now() : null;
  })()`;
  return page.waitForFunction(script, undefined, { polling: 'raf' }).then((handle) => handle.jsonValue() as Promise<number>);
}

export async function runRendererBenchmark(options: { runs?: number; profile?: string } = {}): Promise<RendererBenchmarkResult> {
  const runs = options.runs ?? 5;
  const profile = options.profile ?? 'healthy-win11';
  const bundle = await measureBundle();
  const preview = await startPreview({ profile, receivedDir: null, log: () => {} });
  const executablePath = chromiumExecutable();
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--disable-gpu', '--disable-quic'] });
  const firstScreen: number[] = [];
  const firstScreenWarm: number[] = [];
  const startToResult: number[] = [];
  try {
    for (let run = 0; run < runs + 1; run += 1) {
      // A fresh context each run: a cold start of the window, nothing cached. bypassCSP lets the
      // measuring scripts (strings, see above) run in the page; the app's own code is unchanged.
      const context = await browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      await page.goto(preview.server.url, { waitUntil: 'commit' });
      const shown = await firstInteractive(page);
      // A string, not a function: the tsx transform would add helpers the page does not have.
      const elapsed = (await page.evaluate(START_TO_RESULT_SCRIPT)) as number;
      // The same window loading again (cached files, warm renderer process), as a reload does.
      await page.reload({ waitUntil: 'commit' });
      const again = await firstInteractive(page);
      await context.close();
      // The first run warms the server (module loading, JIT); it is not counted.
      if (run === 0) continue;
      firstScreen.push(shown);
      firstScreenWarm.push(again);
      startToResult.push(elapsed);
    }
  } finally {
    await browser.close();
    await preview.close();
  }
  return {
    name: 'renderer',
    profile,
    runs,
    rendererJsGzipKb: bundle.gzipKb,
    rendererJsRawKb: bundle.rawKb,
    firstScreenMs: Math.round(median(firstScreen)),
    firstScreenWarmMs: Math.round(median(firstScreenWarm)),
    startToResultMs: Math.round(median(startToResult)),
    targets: { rendererJsGzipKb: 200, firstScreenMs: 300, startToResultMs: 1000 },
  };
}

export function formatRendererBenchmark(result: RendererBenchmarkResult): string {
  const { targets } = result;
  return [
    `renderer JavaScript, gzipped: ${result.rendererJsGzipKb} KB (raw ${result.rendererJsRawKb} KB; target < ${targets.rendererJsGzipKb} KB)`,
    `navigation to first interactive screen: ${result.firstScreenMs} ms (median of ${result.runs}; target < ${targets.firstScreenMs} ms)`,
    `navigation to first interactive screen, reload (warm): ${result.firstScreenWarmMs} ms (median of ${result.runs})`,
    `Start to result screen on the simulated host "${result.profile}": ${result.startToResultMs} ms (median of ${result.runs}; target < ${targets.startToResultMs} ms)`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const runs = Number(process.argv[2] ?? 5);
  runRendererBenchmark({ runs: Number.isInteger(runs) && runs > 0 ? runs : 5 })
    .then((result) => console.log(formatRendererBenchmark(result)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
