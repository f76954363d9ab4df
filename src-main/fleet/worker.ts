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
      const outcomes: FileOutcome[] = [];
      for (const item of request.files) outcomes.push(await readFleetFile(item.path, item.file, request.nowMs));
      port.postMessage({ id: request.id, outcomes } satisfies WorkerReply);
    })();
  });
}
