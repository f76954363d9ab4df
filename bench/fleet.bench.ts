// Benchmark: fleet summary of 10,000 generated snapshots — wall time and peak memory, printed.
// Target on this machine's 2 cores: under 10 s and under 300 MB. Run: npx tsx bench/fleet.bench.ts [count]
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { summarizeFleet } from '../src-main/fleet/index.js';
import type { Certificate, Snapshot } from '../src-main/snapshot/schema.js';

export interface FleetBenchmarkResult {
  name: 'fleet-summary';
  snapshots: number;
  machines: number;
  /** Total size of the snapshot files read. */
  folderMb: number;
  wallMs: number;
  /** Highest resident set size sampled while the summary ran. */
  peakRssMb: number;
  peakHeapUsedMb: number;
  /** The process's maximum RSS so far (includes generating the files). */
  processMaxRssMb: number;
  targets: { wallMs: number; peakRssMb: number };
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
    host: { computerName: `PC-${String(index).padStart(5, '0')}`, domain: 'corp.example' },
    os: { productName: release.productName, editionId: release.editionId, installationType: release.installationType, currentBuild: release.build, ubr, displayVersion: release.displayVersion, architecture: 'x64' },
    hotfixes: [
      { id: 'KB5005112', installedOn: '2021-08-10' },
      ...Array.from({ length: bulk.hotfixes }, (_, n) => ({ id: `KB${4000000 + ((index + n * 977) % 999999)}`, installedOn: '2023-05-09', description: n % 3 ? 'Update' : 'Security Update' })),
    ],
    certificates: {
      root: [
        ...bulkRoots(bulk.rootCertificates, index),
        { thumbprint: '8F43288AD272F3103B6FB1428485EA3014C0BCFE', subject: 'CN=Microsoft Root Certificate Authority 2011, O=Microsoft Corporation, L=Redmond, S=Washington, C=US', issuer: 'CN=Microsoft Root Certificate Authority 2011, O=Microsoft Corporation, L=Redmond, S=Washington, C=US', notBefore: '2011-03-22T22:05:28Z', notAfter: '2036-03-22T22:13:04Z', store: 'Root' },
        ...(rootPresent ? [{ thumbprint: ACS_ROOT, subject: 'CN=Microsoft Identity Verification Root Certificate Authority 2020, O=Microsoft Corporation, C=US', issuer: 'CN=Microsoft Identity Verification Root Certificate Authority 2020, O=Microsoft Corporation, C=US', notBefore: '2020-04-16T18:36:16Z', notAfter: '2045-04-16T18:44:40Z', store: 'AuthRoot' as const }] : []),
      ],
      disallowed: [],
    },
    rootAutoUpdate: { disabledByPolicy: index % 4 === 0, rootDirUrl: null, reachable: index % 4 === 0 ? null : true },
    services: [
      { name: 'ntrtscan', displayName: 'Apex One NT RealTime Scan', state: failing ? 'Stopped' : 'Running', startType: 'Automatic', exitCode: failing ? 577 : 0, imagePath: `"${agentPath}"` },
      { name: 'TmListen', displayName: 'Apex One NT Listener', state: 'Running', startType: 'Automatic', exitCode: 0, imagePath: '"C:\\Program Files (x86)\\Trend Micro\\Security Agent\\TmListen.exe"' },
    ],
    signatures: [{ path: agentPath, status: failing ? 'NotTrusted' : 'Valid', signerSubject: 'CN=Trend Micro, Inc., O=Trend Micro, Inc., L=Shibuya-ku, S=Tokyo, C=JP', rootThumbprint: ACS_ROOT }],
    events: [
      ...(failing
        ? [{ log: 'System', provider: 'Service Control Manager', id: 7000, time, data: ['Apex One NT RealTime Scan', '%%577'], message: 'The Apex One NT RealTime Scan service failed to start due to the following error: Windows cannot verify the digital signature for this file.' }]
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
      writes.push(writeFile(join(folder, `snapshot-${String(index).padStart(5, '0')}.json`), text));
    }
    await Promise.all(writes);
  }
  return { bytes };
}

export async function runFleetBenchmark(options: { count?: number; bulk?: SnapshotBulk } = {}): Promise<FleetBenchmarkResult> {
  const count = options.count ?? 10_000;
  const folder = await mkdtemp(join(tmpdir(), 'acs-fleet-bench-'));
  try {
    const { bytes } = await generateFleetFolder(folder, count, options.bulk);
    let peakRss = 0;
    let peakHeap = 0;
    const sample = () => {
      const usage = process.memoryUsage();
      peakRss = Math.max(peakRss, usage.rss);
      peakHeap = Math.max(peakHeap, usage.heapUsed);
    };
    sample();
    const timer = setInterval(sample, 20);
    const started = performance.now();
    const summary = await summarizeFleet(folder, { onProgress: (read) => (read % 250 === 0 ? sample() : undefined) });
    const wallMs = performance.now() - started;
    clearInterval(timer);
    sample();
    const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
    const result: FleetBenchmarkResult = {
      name: 'fleet-summary',
      snapshots: summary.snapshots,
      machines: summary.machines,
      folderMb: mb(bytes),
      wallMs: Math.round(wallMs),
      peakRssMb: mb(peakRss),
      peakHeapUsedMb: mb(peakHeap),
      processMaxRssMb: mb(process.resourceUsage().maxRSS * 1024),
      targets: { wallMs: 10_000, peakRssMb: 300 },
      withinTargets: false,
    };
    result.withinTargets = result.wallMs < result.targets.wallMs && result.peakRssMb < result.targets.peakRssMb;
    if (summary.snapshots !== count) throw new Error(`expected ${count} snapshots, the summary read ${summary.snapshots} (unreadable: ${summary.unreadable[0]?.error ?? 'none'})`);
    return result;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

export function formatFleetBenchmark(result: FleetBenchmarkResult): string {
  return `fleet summary: ${result.snapshots} snapshots (${result.machines} machines, ${result.folderMb} MB of JSON) in ${(result.wallMs / 1000).toFixed(2)} s; peak RSS ${result.peakRssMb} MB, peak heap ${result.peakHeapUsedMb} MB, process max RSS ${result.processMaxRssMb} MB (targets: < 10 s, < 300 MB) — ${result.withinTargets ? 'within targets' : 'OVER TARGET'}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const count = process.argv[2] ? Number.parseInt(process.argv[2], 10) : undefined;
  runFleetBenchmark({ count }).then(
    (result) => console.log(formatFleetBenchmark(result)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
