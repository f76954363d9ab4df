// Fans out progress events from the handlers to whoever listens: Electron's webContents.send for the
// window, or the preview's server-sent-event streams.
import type { EventName, EventPayloads } from '../contract/index.js';

export type EventListener = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

export class EventHub {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    for (const listener of this.listeners) {
      try {
        listener(event, payload);
      } catch {
        // A listener that fails (a closed window, a dropped stream) must not stop the work.
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }
}
