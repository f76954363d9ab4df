// A fleet worker thread: reads, validates and diagnoses the files it is sent, and posts back one small
// outcome per file. The main thread walks the folder and keeps one row per machine.
import { parentPort } from 'node:worker_threads';
import { readFleetFile, type FileOutcome } from './read-file.js';

export interface WorkerRequest {
  id: number;
  nowMs: number;
  files: { path: string; file: string }[];
}

export interface WorkerReply {
  id: number;
  outcomes: FileOutcome[];
}

const port = parentPort;
if (port) {
  port.on('message', (request: WorkerRequest) => {
    void (async () => {
      // A few files at a time, so reading one overlaps parsing another.
      const outcomes: FileOutcome[] = new Array(request.files.length);
      let next = 0;
      const lane = async () => {
        for (let index = next++; index < request.files.length; index = next++) {
          const item = request.files[index]!;
          outcomes[index] = await readFleetFile(item.path, item.file, request.nowMs);
        }
      };
      await Promise.all(Array.from({ length: Math.min(3, request.files.length) }, lane));
      port.postMessage({ id: request.id, outcomes } satisfies WorkerReply);
    })();
  });
}
