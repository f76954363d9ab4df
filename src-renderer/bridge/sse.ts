// Reads a text/event-stream body (the preview's event stream) into { event, data } messages. fetch()
// is used instead of EventSource so the access token travels in a header, never in the URL.

export interface StreamMessage {
  event: string;
  data: string;
  /** The `id:` field: the preview numbers its events so calls can wait for the ones sent before them. */
  id?: string;
}

/** Splits server-sent-event text into messages; returns the unfinished rest to prepend next time. */
export function parseEventStream(buffer: string): { messages: StreamMessage[]; rest: string } {
  const messages: StreamMessage[] = [];
  const normalized = buffer.replace(/\r\n?/g, '\n');
  const blocks = normalized.split('\n\n');
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    let event = 'message';
    let id: string | undefined;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') id = value;
    }
    if (data.length > 0) messages.push(id === undefined ? { event, data: data.join('\n') } : { event, data: data.join('\n'), id });
  }
  return { messages, rest };
}

/** Reads the stream until it ends or the signal aborts, calling onMessage for each message. */
export async function readEventStream(body: ReadableStream<Uint8Array>, onMessage: (message: StreamMessage) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    const parsed = parseEventStream(buffer);
    buffer = parsed.rest;
    for (const message of parsed.messages) onMessage(message);
  }
}
