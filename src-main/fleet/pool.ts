// Spreads the reading, validating and diagnosing of fleet files over worker threads (one per core, at
// most 8), or runs it in this thread (workers 0, tests with their own diagnosis, one-core machines).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileOutcome } from './read-file.js';
import type { WorkerReply, WorkerRequest } from './worker.js';

export interface FleetReader {
  read(files: { path: string; file: string }[]): Promise<FileOutcome[]>;
  close(): Promise<void>;
}

/** Is this module the TypeScript source (tests, tsx) rather than the compiled program? */
export const RUNNING_FROM_SOURCE = import.meta.url.endsWith('.ts');

/** A worker running worker.ts: the built .js next to this file, or the TypeScript source through tsx
 * when this program runs from source (only when asked for: see summarize.ts). */
function startWorker(): Worker {
  const here = import.meta.url;
  if (RUNNING_FROM_SOURCE) {
    const target = new URL('./worker.ts', here).href;
    const tsxApi = pathToFileURL(join(dirname(createRequire(here).resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs')).href;
    return new Worker(`import(${JSON.stringify(tsxApi)}).then(({ tsImport }) => tsImport(${JSON.stringify(target)}, ${JSON.stringify(target)}))`, { eval: true });
  }
  return new Worker(new URL('./worker.js', here));
}

/** Batches a worker may hold at once: the next is ready while it finishes one. */
const BATCHES_PER_WORKER = 2;

/** Worker threads, each holding up to two batches; a batch a worker could not finish is read in this
 * thread instead (the summary is never lost to a crashed worker). */
export function workerReader(count: number, nowMs: number, fallback: FleetReader): FleetReader {
  const load = new Map<Worker, number>();
  const waiting: (() => void)[] = [];
  let nextId = 0;
  // Once a worker could not start or failed, the rest of the run stays in this thread.
  let broken = false;
  const wake = () => waiting.shift()?.();
  const acquire = async (): Promise<Worker> => {
    for (;;) {
      let best: Worker | null = null;
      for (const [worker, held] of load) if (held < BATCHES_PER_WORKER && (best === null || held < load.get(best)!)) best = worker;
      if (best === null && load.size < count) {
        best = startWorker();
        best.unref();
        load.set(best, 0);
      }
      if (best !== null) {
        load.set(best, load.get(best)! + 1);
        return best;
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  };
  const release = (worker: Worker) => {
    const held = load.get(worker);
    if (held !== undefined) load.set(worker, held - 1);
    wake();
  };
  return {
    async read(files) {
      if (broken) return fallback.read(files);
      let worker: Worker;
      try {
        worker = await acquire();
      } catch {
        broken = true;
        return fallback.read(files);
      }
      const id = nextId++;
      try {
        return await new Promise<FileOutcome[]>((resolve, reject) => {
          const onMessage = (reply: WorkerReply) => {
            if (reply.id !== id) return;
            cleanup();
            resolve(reply.outcomes);
          };
          const onError = (error: unknown) => {
            cleanup();
            reject(error);
          };
          const onExit = () => onError(new Error('worker ended'));
          const cleanup = () => {
            worker.off('message', onMessage);
            worker.off('error', onError);
            worker.off('exit', onExit);
          };
          worker.on('message', onMessage);
          worker.on('error', onError);
          worker.on('exit', onExit);
          worker.postMessage({ id, nowMs, files } satisfies WorkerRequest);
        });
      } catch {
        broken = true;
        load.delete(worker);
        void worker.terminate();
        return fallback.read(files);
      } finally {
        release(worker);
      }
    },
    async close() {
      await Promise.all([...load.keys()].map((worker) => worker.terminate()));
      load.clear();
      await fallback.close();
    },
  };
}
