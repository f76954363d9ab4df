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

/** A worker running worker.ts: the built .js next to this file, or the TypeScript source through tsx
 * when this program runs from source (npm run, tests). */
function startWorker(): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const target = new URL('./worker.ts', here).href;
    const tsxApi = pathToFileURL(join(dirname(createRequire(here).resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs')).href;
    return new Worker(`import(${JSON.stringify(tsxApi)}).then(({ tsImport }) => tsImport(${JSON.stringify(target)}, ${JSON.stringify(target)}))`, { eval: true });
  }
  return new Worker(new URL('./worker.js', here));
}

/** Worker threads, each given one batch at a time; a batch a worker could not finish is read in this
 * thread instead (the summary is never lost to a crashed worker). */
export function workerReader(count: number, nowMs: number, fallback: FleetReader): FleetReader {
  const idle: Worker[] = [];
  const waiting: ((worker: Worker) => void)[] = [];
  const all: Worker[] = [];
  let nextId = 0;
  const release = (worker: Worker) => {
    const next = waiting.shift();
    if (next) next(worker);
    else idle.push(worker);
  };
  const acquire = (): Promise<Worker> => {
    const worker = idle.pop();
    if (worker) return Promise.resolve(worker);
    if (all.length < count) {
      const started = startWorker();
      started.unref();
      all.push(started);
      return Promise.resolve(started);
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  return {
    async read(files) {
      const worker = await acquire();
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
        }).finally(() => release(worker));
      } catch {
        const index = all.indexOf(worker);
        if (index >= 0) all.splice(index, 1);
        const idleIndex = idle.indexOf(worker);
        if (idleIndex >= 0) idle.splice(idleIndex, 1);
        void worker.terminate();
        return fallback.read(files);
      }
    },
    async close() {
      await Promise.all(all.map((worker) => worker.terminate()));
      await fallback.close();
    },
  };
}
