// The preview's side of the bridge: the same AcsBridge interface as Electron's preload, over HTTP to
// the loopback server of `npm run preview` (POST /api/op/<name>, events from GET /api/events),
// with the per-run token in the X-ACS-Token header of every request.
import type { AcsBridge, BridgeFailure, EventName, EventPayloads, OperationName } from '../../src-main/contract/index.js';
import { BRIDGE_OPERATIONS } from './operation-list.js';
import { readEventStream } from './sse.js';

export const TOKEN_HEADER = 'x-acs-token';
/** On every answer: how many events the server had sent when it answered. */
export const EVENT_SEQUENCE_HEADER = 'x-acs-event-seq';
/** Longest wait for events sent before an answer to arrive on the stream. */
const EVENT_CATCH_UP_MS = 1000;

export interface HttpBridgeOptions {
  /** The preview's origin, e.g. "http://127.0.0.1:43117". */
  baseUrl: string;
  token: string | null;
  fetch: typeof fetch;
  /** Opens a link the server allowed (the browser preview has no system browser to hand it to). */
  openLink?: (url: string) => void;
  /** Delay before the event stream reconnects after it drops. */
  reconnectMs?: number;
}

type Listener = (payload: unknown) => void;

function unreachable(message: string): BridgeFailure {
  return { ok: false, code: 'not-available', message };
}

export function createHttpBridge(options: HttpBridgeOptions): AcsBridge {
  const listeners = new Map<string, Set<Listener>>();
  let stream: AbortController | null = null;
  /** Highest event number read from the stream, and calls waiting for a number to be reached. */
  let lastEvent = 0;
  let waiting: { upTo: number; resolve: () => void }[] = [];

  function eventsRead(upTo: number): void {
    lastEvent = Math.max(lastEvent, upTo);
    const ready = waiting.filter((waiter) => waiter.upTo <= lastEvent);
    waiting = waiting.filter((waiter) => waiter.upTo > lastEvent);
    for (const waiter of ready) waiter.resolve();
  }

  /** Like Electron's IPC, where events and answers share one ordered channel: an answer is handed
   * over only after the events the server sent before it (or after a short time limit). */
  function catchUp(response: Response): Promise<void> {
    const upTo = Number(response.headers.get(EVENT_SEQUENCE_HEADER));
    if (!stream || !Number.isFinite(upTo) || upTo <= lastEvent) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter = { upTo, resolve };
      waiting.push(waiter);
      setTimeout(() => {
        waiting = waiting.filter((entry) => entry !== waiter);
        resolve();
      }, EVENT_CATCH_UP_MS);
    });
  }

  async function call(name: OperationName, args: unknown): Promise<unknown> {
    if (!options.token) {
      return { ok: false, code: 'forbidden', message: 'Open the preview with the address that npm run preview printed: it carries the access token.' };
    }
    let response: Response;
    try {
      response = await options.fetch(`${options.baseUrl}/api/op/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: options.token },
        body: JSON.stringify(args ?? {}),
      });
    } catch (error) {
      return unreachable(`the preview server does not answer (${(error as Error).message})`);
    }
    try {
      const outcome = (await response.json()) as { ok?: unknown };
      if (typeof outcome === 'object' && outcome !== null && typeof outcome.ok === 'boolean') {
        await catchUp(response);
        if (outcome.ok && name === 'openExternalLink') openAllowedLink(outcome);
        return outcome;
      }
    } catch {
      // fall through: not JSON
    }
    return unreachable(`the preview server answered ${response.status} without a result`);
  }

  function openAllowedLink(outcome: unknown): void {
    const value = (outcome as { value?: { url?: string; openedBy?: string } }).value;
    if (value?.openedBy === 'renderer' && typeof value.url === 'string') options.openLink?.(value.url);
  }

  function dispatch(event: string, data: string): void {
    const set = listeners.get(event);
    if (!set) return;
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      return;
    }
    for (const listener of set) listener(payload);
  }

  async function runStream(controller: AbortController): Promise<void> {
    while (!controller.signal.aborted && options.token) {
      try {
        const response = await options.fetch(`${options.baseUrl}/api/events`, {
          headers: { [TOKEN_HEADER]: options.token, accept: 'text/event-stream' },
          signal: controller.signal,
        });
        if (!response.ok || !response.body) return;
        await readEventStream(response.body, (message) => {
          dispatch(message.event, message.data);
          if (message.id !== undefined && /^\d+$/.test(message.id)) eventsRead(Number(message.id));
        });
      } catch {
        if (controller.signal.aborted) return;
      }
      await new Promise((resolve) => setTimeout(resolve, options.reconnectMs ?? 1000));
    }
  }

  function listenerCount(): number {
    let count = 0;
    for (const set of listeners.values()) count += set.size;
    return count;
  }

  const operations = Object.fromEntries(BRIDGE_OPERATIONS.map((name) => [name, (args?: unknown) => call(name, args)]));

  return {
    ...(operations as Omit<AcsBridge, 'on'>),
    on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener as Listener);
      listeners.set(event, set);
      if (!stream) {
        stream = new AbortController();
        void runStream(stream);
      }
      return () => {
        set.delete(listener as Listener);
        if (listenerCount() === 0 && stream) {
          stream.abort();
          stream = null;
        }
      };
    },
  };
}
