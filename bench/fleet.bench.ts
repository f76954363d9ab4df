// Benchmark: the fleet summary at scale, as ratios measured in one run (issue 15):
// - 10,000 generated snapshots of realistic size (~45 KB: 60 roots, 60 updates, 40 events): the summary's
//   wall time against a bare sequential read-and-JSON.parse of the same files (target: within 3x);
// - 100,000 generated small snapshots (~5 KB) summarised in a child process: its peak RSS, worker threads
//   included (target: under 300 MB).
// Files are generated into a temporary folder and deleted afterwards.
// Run: npx tsx bench/fleet.bench.ts [count] [largeCount]
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Certificate, Snapshot } from '../src-main/snapshot/schema.js';

export interface FleetBenchmarkResult {
  name: 'fleet-summary';
  snapshots: number;
  machines: number;
  /** Total size of the snapshot files read. */
  folderMb: number;
  /** Reading every file and JSON.parse, one after the other, nothing else: the best of the rounds. */
  bareReadParseMs: number;
  /** summarizeFleet() with its default worker threads (shipped code, child process): the best of the rounds. */
  wallMs: number;
  /** wallMs / bareReadParseMs (best against best). */
  ratioToBareReadParse: number;
  /** The median of the ratios of the back-to-back (bare, summary) pairs. */
  medianPairRatio: number;
  /** Pairs of (bare, summary) runs. */
  rounds: number;
  workers: number;
  /** The 100,000 run: peakRssMb after the summary, peakRssWithOutputsMb after also writing CSV, HTML and NDJSON. */
  large: { snapshots: number; machines: number; folderMb: number; wallMs: number; peakRssMb: number; outputsMs: number | null; peakRssWithOutputsMb: number } | null;
  targets: { ratioToBareReadParse: number; peakRssMb: number };
  withinTargets: boolean;
}

const RELEASES = [
  { productName: 'Windows 10 Pro', editionId: 'Professional', installationType: 'Client', build: 19045, ubrs: [1288, 2965, 6456], displayVersion: '22H2' },
  { productName: 'Windows 10 Enterprise', editionId: 'Enterprise', installationType: 'Client', build: 19044, ubrs: [1288, 1586, 5131], displayVersion: '21H2' },
  { productName: 'Windows 11 Enterprise', editionId: 'Enterprise', installationType: 'Client', build: 22631, ubrs: [4460, 5624], displayVersion: '23H2' },
  { productName: 'Windows Server 2019 Standard', editionId: 'ServerStandard', installationType: 'Server', build: 17763, ubrs: [1999, 2210, 6893], displayVersion: '1809' },
  { productName: 'Windows Server 2016 Datacenter', editionId: 'ServerDatacenter', installationType: 'Server', build: 14393, ubrs: [4651, 4704, 7699], displayVersion: '1607' },
  { productName: 'Windows Server 2022 Standard', editionId: 'ServerStandard', installationType: 'Server', build: 20348, ubrs: [230, 261, 3091], displayVersion: '21H2' },
] as const;

const ACS_ROOT = 'F40042E2E5F7E8EF8189FED15519AECE42C3BFA2';

/** How much each generated snapshot carries besides the facts that decide the verdict. A real machine
 * lists dozens of root certificates, many updates and a run of events: about 40 KB of JSON here. */
export interface SnapshotBulk {
  rootCertificates: number;
  hotfixes: number;
  events: number;
}
export const REALISTIC_BULK: SnapshotBulk = { rootCertificates: 60, hotfixes: 60, events: 40 };

function bulkRoots(count: number, index: number): Certificate[] {
  return Array.from({ length: count }, (_, n) => ({
    thumbprint: ((index * 7919 + n * 104729) >>> 0).toString(16).toUpperCase().padStart(8, '0').repeat(5),
    subject: `CN=Example Root Certification Authority ${n}, O=Example Trust Services ${n % 9}, C=US`,
    issuer: `CN=Example Root Certification Authority ${n}, O=Example Trust Services ${n % 9}, C=US`,
    notBefore: '2015-01-01T00:00:00Z',
    notAfter: '2040-01-01T00:00:00Z',
    store: n % 2 ? ('AuthRoot' as const) : ('Root' as const),
  }));
}

/** A plausible snapshot for machine number `index`, varied across releases, patch levels, root and agent states. */
export function generatedSnapshot(index: number, bulk: SnapshotBulk = REALISTIC_BULK): Snapshot {
  const release = RELEASES[index % RELEASES.length]!;
  const ubr = release.ubrs[Math.floor(index / RELEASES.length) % release.ubrs.length]!;
  const rootPresent = index % 3 !== 0;
  const failing = !rootPresent || index % 5 === 0;
  const time = new Date(Date.UTC(2026, 10, 20, 8, 0, 0) + index * 1000).toISOString().replace('.000', '');
  const agentPath = 'C:\\Program Files (x86)\\Trend Micro\\Security Agent\\NTRtScan.exe';
  return {
    format: 'acs-snapshot',
    version: 1,
    collectedAt: time,
    collector: { name: 'acs-support-assistant', version: '0.1.0', elevated: true, method: 'powershell' },
    host: { computerName: `PC-${String(index).padStart(6, '0')}`, domain: 'corp.example', machineId: `sha256:${createHash('sha256').update(`bench-machine-guid-${index}`).digest('hex')}` },
    os: {
      productName: release.productName,
      editionId: release.editionId,
      installationType: release.installationType,
      currentBuild: release.build,
      ubr,
      displayVersion: release.displayVersion,
      architecture: 'x64',
    },
    hotfixes: [
      { id: 'KB5005112', installedOn: '2021-08-10' },
      ...Array.from({ length: bulk.hotfixes }, (_, n) => ({ id: `KB${4000000 + ((index + n * 977) % 999999)}`, installedOn: '2023-05-09', description: n % 3 ? 'Update' : 'Security Update' })),
    ],
    certificates: {
      root: [
        ...bulkRoots(bulk.rootCertificates, index),
        {
          thumbprint: '8F43288AD272F3103B6FB1428485EA3014C0BCFE',
          subject: 'CN=Microsoft Root Certificate Authority 2011, O=Microsoft Corporation, L=Redmond, S=Washington, C=US',
          issuer: 'CN=Microsoft Root Certificate Authority 2011, O=Microsoft Corporation, L=Redmond, S=Washington, C=US',
          notBefore: '2011-03-22T22:05:28Z',
          notAfter: '2036-03-22T22:13:04Z',
          store: 'Root',
        },
        ...(rootPresent
          ? [
              {
                thumbprint: ACS_ROOT,
                subject: 'CN=Microsoft Identity Verification Root Certificate Authority 2020, O=Microsoft Corporation, C=US',
                issuer: 'CN=Microsoft Identity Verification Root Certificate Authority 2020, O=Microsoft Corporation, C=US',
                notBefore: '2020-04-16T18:36:16Z',
                notAfter: '2045-04-16T18:44:40Z',
                store: 'AuthRoot' as const,
              },
            ]
          : []),
      ],
      disallowed: [],
    },
    rootAutoUpdate: { disabledByPolicy: index % 4 === 0, rootDirUrl: null, reachable: index % 4 === 0 ? null : true },
    services: [
      { name: 'ntrtscan', displayName: 'Apex One NT RealTime Scan', state: failing ? 'Stopped' : 'Running', startType: 'Automatic', exitCode: failing ? 577 : 0, imagePath: `"${agentPath}"` },
      {
        name: 'TmListen',
        displayName: 'Apex One NT Listener',
        state: 'Running',
        startType: 'Automatic',
        exitCode: 0,
        imagePath: '"C:\\Program Files (x86)\\Trend Micro\\Security Agent\\TmListen.exe"',
      },
    ],
    signatures: [{ path: agentPath, status: failing ? 'NotTrusted' : 'Valid', signerSubject: 'CN=Trend Micro, Inc., O=Trend Micro, Inc., L=Shibuya-ku, S=Tokyo, C=JP', rootThumbprint: ACS_ROOT }],
    events: [
      ...(failing
        ? [
            {
              log: 'System',
              provider: 'Service Control Manager',
              id: 7000,
              time,
              data: ['Apex One NT RealTime Scan', '%%577'],
              message: 'The Apex One NT RealTime Scan service failed to start due to the following error: Windows cannot verify the digital signature for this file.',
            },
          ]
        : []),
      ...Array.from({ length: bulk.events }, (_, n) => ({
        log: 'System',
        provider: 'Service Control Manager',
        id: 7036,
        time,
        data: [`Service number ${n}`, 'running'],
        message: `The Service number ${n} service entered the running state. This line stands for the ordinary events a machine also reports.`,
      })),
    ],
    products: [{ name: 'Trend Micro Apex One Security Agent', version: '14.0.12380', publisher: 'Trend Micro Inc.' }],
    pendingReboot: { required: index % 7 === 0, reasons: index % 7 === 0 ? ['CBS RebootPending'] : [] },
    bootConfiguration: { testSigning: false, noIntegrityChecks: false },
    errors: [],
  };
}

/** Writes `count` generated snapshots into `folder` (a few at a time). */
export async function generateFleetFolder(folder: string, count: number, bulk: SnapshotBulk = REALISTIC_BULK): Promise<{ bytes: number }> {
  let bytes = 0;
  const batch = 32;
  for (let start = 0; start < count; start += batch) {
    const writes: Promise<void>[] = [];
    for (let index = start; index < Math.min(count, start + batch); index += 1) {
      const text = JSON.stringify(generatedSnapshot(index, bulk), null, 2);
      bytes += Buffer.byteLength(text);
      writes.push(writeFile(join(folder, `snapshot-${String(index).padStart(6, '0')}.json`), text));
    }
    await Promise.all(writes);
  }
  return { bytes };
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
export const SMALL_BULK: SnapshotBulk = { rootCertificates: 2, hotfixes: 4, events: 2 };

async function bareReadAndParse(folder: string): Promise<number> {
  const started = performance.now();
  for (const name of await readdir(folder)) JSON.parse(await readFile(join(folder, name), 'utf8'));
  return performance.now() - started;
}

/**
 * The fleet module as the program ships it: compiled JavaScript, the worker next to it. Bundled here with
 * esbuild (what tsx uses) into a temporary folder, so the figures do not include compiling TypeScript in
 * every worker thread, which only happens when running from source.
 */
async function buildShippedFleet(): Promise<{ dir: string; child: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'acs-fleet-bench-build-'));
  const esbuild = await import('esbuild');
  const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));
  await esbuild.build({
    entryPoints: { index: source('../src-main/fleet/index.ts'), worker: source('../src-main/fleet/worker.ts'), atomic: source('../src-main/report/atomic-write.ts') },
    outdir: dir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    logLevel: 'error',
    // CommonJS dependencies (qrcode) require Node's built-in modules.
    banner: { js: "import { createRequire as __acsCreateRequire } from 'node:module'; const require = __acsCreateRequire(import.meta.url);" },
  });
  // pool.ts starts `./worker.js`: give the bundle that name too.
  await writeFile(join(dir, 'worker.js'), "import './worker.mjs';\n");
  await writeFile(join(dir, 'package.json'), '{"type":"module"}\n');
  const child = join(dir, 'child.mjs');
  await writeFile(
    child,
    `const { summarizeFleet, fleetCsvChunks, fleetHtmlChunks, fleetNdjsonChunks } = await import(${JSON.stringify(pathToFileURL(join(dir, 'index.mjs')).href)});
const { writeFileAtomic } = await import(${JSON.stringify(pathToFileURL(join(dir, 'atomic.mjs')).href)});
const rssMb = () => Math.round(process.resourceUsage().maxRSS / 102.4) / 10;
const started = performance.now();
const summary = await summarizeFleet(process.argv[2], process.env.ACS_BENCH_WORKERS ? { workers: Number(process.env.ACS_BENCH_WORKERS) } : {});
const wallMs = Math.round(performance.now() - started);
const peakRssMb = rssMb();
// With an output folder: also write the CSV, HTML and NDJSON as the fleet command does.
let outputsMs = null;
if (process.argv[3]) {
  const { join } = await import('node:path');
  const begun = performance.now();
  await writeFileAtomic(join(process.argv[3], 'fleet.csv'), fleetCsvChunks(summary));
  await writeFileAtomic(join(process.argv[3], 'fleet.html'), fleetHtmlChunks(summary));
  await writeFileAtomic(join(process.argv[3], 'fleet.ndjson'), fleetNdjsonChunks(summary));
  outputsMs = Math.round(performance.now() - begun);
}
console.log(JSON.stringify({ wallMs, peakRssMb, outputsMs, peakRssWithOutputsMb: rssMb(), machines: summary.machines, snapshots: summary.snapshots, unreadable: summary.unreadable.length }));
`,
  );
  return { dir, child };
}

/** Summarises `folder` in a child process running the shipped code; its wall time and peak RSS (worker threads included). */
function summariseInChild(
  child: string,
  folder: string,
  outputs?: string,
): Promise<{ wallMs: number; peakRssMb: number; outputsMs: number | null; peakRssWithOutputsMb: number; machines: number; snapshots: number }> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, [child, folder, ...(outputs ? [outputs] : [])], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    process_.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    process_.on('error', reject);
    process_.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`the summary child ended with ${code}`))));
  });
}

export async function runFleetBenchmark(options: { count?: number; largeCount?: number; bulk?: SnapshotBulk; rounds?: number } = {}): Promise<FleetBenchmarkResult> {
  const count = options.count ?? 10_000;
  const largeCount = options.largeCount ?? 100_000;
  const folder = await mkdtemp(join(tmpdir(), 'acs-fleet-bench-'));
  const built = await buildShippedFleet();
  let result: FleetBenchmarkResult;
  try {
    const { bytes } = await generateFleetFolder(folder, count, options.bulk);
    // Warm the page cache, then measure bare read+parse and the summary in turns. The machine is shared
    // (other jobs come and go), so the ratio is taken between the best run of each (the least disturbed),
    // and the median of the back-to-back pair ratios is reported beside it.
    await bareReadAndParse(folder);
    const pairs: { bare: number; summary: number }[] = [];
    let summary: Awaited<ReturnType<typeof summariseInChild>> | null = null;
    for (let round = 0; round < (options.rounds ?? 5); round += 1) {
      const bare = await bareReadAndParse(folder);
      summary = await summariseInChild(built.child, folder);
      pairs.push({ bare, summary: summary.wallMs });
    }
    const ratios = pairs.map((pair) => pair.summary / pair.bare).sort((a, b) => a - b);
    const medianPairRatio = ratios[Math.floor(ratios.length / 2)]!;
    const bareReadParseMs = Math.min(...pairs.map((pair) => pair.bare));
    const wallMs = Math.min(...pairs.map((pair) => pair.summary));
    if (!summary || summary.snapshots !== count) throw new Error(`expected ${count} snapshots, the summary read ${summary?.snapshots ?? 0}`);
    result = {
      name: 'fleet-summary',
      snapshots: summary.snapshots,
      machines: summary.machines,
      folderMb: mb(bytes),
      bareReadParseMs: Math.round(bareReadParseMs),
      wallMs: Math.round(wallMs),
      ratioToBareReadParse: Math.round((wallMs / bareReadParseMs) * 100) / 100,
      medianPairRatio: Math.round(medianPairRatio * 100) / 100,
      rounds: pairs.length,
      workers: Math.min(8, (await import('node:os')).availableParallelism()),
      large: null,
      targets: { ratioToBareReadParse: 3, peakRssMb: 300 },
      withinTargets: false,
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  try {
    if (largeCount > 0) {
      const large = await mkdtemp(join(tmpdir(), 'acs-fleet-bench-large-'));
      const outputs = await mkdtemp(join(tmpdir(), 'acs-fleet-bench-out-'));
      try {
        const { bytes } = await generateFleetFolder(large, largeCount, SMALL_BULK);
        const child = await summariseInChild(built.child, large, outputs);
        if (child.snapshots !== largeCount) throw new Error(`expected ${largeCount} snapshots, the child read ${child.snapshots}`);
        result.large = {
          snapshots: child.snapshots,
          machines: child.machines,
          folderMb: mb(bytes),
          wallMs: child.wallMs,
          peakRssMb: child.peakRssMb,
          outputsMs: child.outputsMs,
          peakRssWithOutputsMb: child.peakRssWithOutputsMb,
        };
      } finally {
        await rm(large, { recursive: true, force: true });
        await rm(outputs, { recursive: true, force: true });
      }
    }
  } finally {
    await rm(built.dir, { recursive: true, force: true });
  }
  result.withinTargets = result.ratioToBareReadParse <= result.targets.ratioToBareReadParse && (result.large === null || result.large.peakRssWithOutputsMb < result.targets.peakRssMb);
  return result;
}

export function formatFleetBenchmark(result: FleetBenchmarkResult): string {
  const large = result.large
    ? `; ${result.large.snapshots} small snapshots (${result.large.folderMb} MB) in ${(result.large.wallMs / 1000).toFixed(1)} s at peak RSS ${result.large.peakRssMb} MB, ${result.large.peakRssWithOutputsMb} MB after writing CSV, HTML and NDJSON (target < ${result.targets.peakRssMb} MB)`
    : '';
  return `fleet summary: ${result.snapshots} snapshots (${result.folderMb} MB) in ${(result.wallMs / 1000).toFixed(2)} s = ${result.ratioToBareReadParse}x a bare read+parse (${(result.bareReadParseMs / 1000).toFixed(2)} s; target within ${result.targets.ratioToBareReadParse}x, ${result.workers} workers)${large} — ${result.withinTargets ? 'within targets' : 'OVER TARGET'}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const count = process.argv[2] ? Number.parseInt(process.argv[2], 10) : undefined;
  const largeCount = process.argv[3] ? Number.parseInt(process.argv[3], 10) : undefined;
  runFleetBenchmark({ count, largeCount }).then(
    (result) => console.log(formatFleetBenchmark(result)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
