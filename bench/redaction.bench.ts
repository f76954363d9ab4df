// Benchmark: redaction of a snapshot with 2,000 and 8,000 distinct learnt values (user names, IP
// addresses, hosts): learn, redact every string, and run the leak check over the JSON (issue 15: the
// former single alternation of every value took over a minute for 2,000). Targets: < 1 s and < 4 s.
// Run: npx tsx bench/redaction.bench.ts
import { pathToFileURL } from 'node:url';
import { Redactor } from '../src-main/redaction/redact.js';

export interface RedactionBenchmarkResult {
  name: 'redaction';
  cases: { values: number; learnMs: number; redactMs: number; leakCheckMs: number; totalMs: number; targetMs: number }[];
  withinTargets: boolean;
}

/** Material with `values` distinct values: short user names (whole-word rule), IPv4 addresses, UNC hosts. */
export function materialWithValues(values: number): unknown {
  const events = Array.from({ length: Math.ceil(values / 3) }, (_, index) => ({
    log: 'Security',
    id: 4624,
    message: `Logon CORP\\u${index} from 10.${(index >> 8) & 255}.${index & 255}.7 reading \\\\fs${index}-srv\\share\\C:\\Users\\u${index}\\AppData\\x.dll`,
    data: [`CORP\\u${index}`, `10.${(index >> 8) & 255}.${index & 255}.7`],
  }));
  return { host: { computerName: 'WS-BENCH-1', domain: 'corp.example' }, events };
}

export async function runRedactionBenchmark(options: { sizes?: number[] } = {}): Promise<RedactionBenchmarkResult> {
  const cases: RedactionBenchmarkResult['cases'] = [];
  for (const values of options.sizes ?? [2000, 8000]) {
    const material = materialWithValues(values);
    let started = performance.now();
    const redactor = Redactor.forValues(material);
    const learnMs = performance.now() - started;
    started = performance.now();
    const redacted = redactor.redactValue(material);
    const redactMs = performance.now() - started;
    started = performance.now();
    const leaks = redactor.findLeaks(JSON.stringify(redacted));
    const leakCheckMs = performance.now() - started;
    if (leaks.length) throw new Error(`the redacted material still holds ${leaks.length} learnt values`);
    const learnt = redactor.replacements().length;
    if (learnt < values) throw new Error(`expected at least ${values} learnt values, got ${learnt}`);
    const round = (ms: number) => Math.round(ms);
    cases.push({
      values: learnt,
      learnMs: round(learnMs),
      redactMs: round(redactMs),
      leakCheckMs: round(leakCheckMs),
      totalMs: round(learnMs + redactMs + leakCheckMs),
      targetMs: values <= 2000 ? 1000 : 4000,
    });
  }
  return { name: 'redaction', cases, withinTargets: cases.every((entry) => entry.totalMs < entry.targetMs) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runRedactionBenchmark().then(
    (result) => {
      for (const entry of result.cases)
        console.log(
          `redaction of ${entry.values} distinct values: ${entry.totalMs} ms (learn ${entry.learnMs}, redact ${entry.redactMs}, leak check ${entry.leakCheckMs}; target < ${entry.targetMs} ms)`,
        );
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
