// Benchmark: diagnose() throughput — snapshots per second, median of several runs — over the 40+
// realistic fixtures and a generated mix of fleet snapshots (realistic bulk). Also parse + diagnose.
// Run: npx tsx bench/diagnose.bench.ts [runs]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { diagnose } from '../src-main/diagnosis/diagnose.js';
import { parseSnapshotText, validateSnapshot } from '../src-main/snapshot/parse.js';
import type { Snapshot } from '../src-main/snapshot/schema.js';
import { generatedSnapshot } from './fleet.bench.js';

export interface DiagnoseBenchmarkResult {
  name: 'diagnose-throughput';
  runs: number;
  snapshotsPerRun: number;
  /** Median over the runs of snapshots diagnosed per second (already-validated snapshots). */
  diagnosePerSecond: number;
  /** Median of validate-from-text + diagnose per second (what the CLI and the fleet reader do). */
  parseAndDiagnosePerSecond: number;
  /** Median microseconds per diagnosis. */
  microsecondsPerDiagnosis: number;
}

const FIXTURE_DIR = fileURLToPath(new URL('../test/fixtures/snapshots/', import.meta.url));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The fixtures (every KB5022661 row, broken agents, German events…) plus generated fleet machines. */
export function benchmarkSnapshots(generated = 2000): Snapshot[] {
  const snapshots: Snapshot[] = [];
  for (const name of readdirSync(FIXTURE_DIR).filter((file) => file.endsWith('.json'))) {
    const parsed = parseSnapshotText(readFileSync(join(FIXTURE_DIR, name), 'utf8'));
    if (parsed.ok) snapshots.push(parsed.snapshot);
  }
  for (let index = 0; index < generated; index++) {
    const parsed = validateSnapshot(generatedSnapshot(index));
    if (parsed.ok) snapshots.push(parsed.snapshot);
  }
  return snapshots;
}

export async function runDiagnoseBenchmark(options: { runs?: number; generated?: number } = {}): Promise<DiagnoseBenchmarkResult> {
  const runs = options.runs ?? 7;
  const snapshots = benchmarkSnapshots(options.generated ?? 2000);
  const texts = snapshots.map((snapshot) => JSON.stringify(snapshot));
  let sink = 0;
  for (const snapshot of snapshots.slice(0, 200)) sink += diagnose(snapshot).findings.length; // warm-up
  const diagnoseRates: number[] = [];
  const parseRates: number[] = [];
  for (let run = 0; run < runs; run++) {
    let started = performance.now();
    for (const snapshot of snapshots) sink += diagnose(snapshot).plan.length;
    diagnoseRates.push(snapshots.length / ((performance.now() - started) / 1000));
    started = performance.now();
    for (const text of texts) {
      const parsed = parseSnapshotText(text);
      if (parsed.ok) sink += diagnose(parsed.snapshot).plan.length;
    }
    parseRates.push(texts.length / ((performance.now() - started) / 1000));
  }
  if (sink < 0) console.log(sink); // keeps the work observable
  const diagnosePerSecond = Math.round(median(diagnoseRates));
  return {
    name: 'diagnose-throughput',
    runs,
    snapshotsPerRun: snapshots.length,
    diagnosePerSecond,
    parseAndDiagnosePerSecond: Math.round(median(parseRates)),
    microsecondsPerDiagnosis: Math.round((1_000_000 / diagnosePerSecond) * 10) / 10,
  };
}

export function formatDiagnoseBenchmark(result: DiagnoseBenchmarkResult): string {
  return [
    `diagnose throughput (median of ${result.runs} runs over ${result.snapshotsPerRun} snapshots):`,
    `  diagnose          ${result.diagnosePerSecond.toLocaleString('en-US')} snapshots/s (${result.microsecondsPerDiagnosis} µs each)`,
    `  parse + diagnose  ${result.parseAndDiagnosePerSecond.toLocaleString('en-US')} snapshots/s`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const runs = process.argv[2] ? Number.parseInt(process.argv[2], 10) : undefined;
  runDiagnoseBenchmark({ runs }).then(
    (result) => console.log(formatDiagnoseBenchmark(result)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
