// Pure parser for `wevtutil qe LOG /f:RenderedXml`: one event per <Event> element. The XML (provider,
// id, time, insertion strings) is the same on every language; only RenderingInfo/Message is localised
// and it is kept as the human-readable message.

export interface WevtutilEvent {
  log: string;
  provider: string;
  id: number;
  time: string;
  data: string[];
  message: string | null;
}

export interface WevtutilResult {
  events: WevtutilEvent[];
  unreadable: number;
}

/** XML text to a string: line ends normalised as XML requires, then entities (&#xD; brings back CR). */
export function decodeXmlText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (whole, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number.parseInt(lower.slice(1), 10));
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[lower] ?? whole;
  });
}

function attribute(element: string, name: string): string | null {
  const match = new RegExp(`\\b${name}=(['"])(.*?)\\1`).exec(element);
  return match ? decodeXmlText(match[2] ?? '') : null;
}

function elementText(xml: string, tag: string): string | null {
  const match = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(xml);
  return match ? decodeXmlText(match[1] ?? '') : null;
}

export function parseWevtutilXml(text: string): WevtutilResult {
  const events: WevtutilEvent[] = [];
  let unreadable = 0;
  const pattern = /<Event[\s>][\s\S]*?<\/Event>/g;
  for (const match of text.matchAll(pattern)) {
    const xml = match[0];
    const system = /<System>([\s\S]*?)<\/System>/.exec(xml)?.[1] ?? '';
    const providerElement = /<Provider\b[^>]*>/.exec(system)?.[0] ?? '';
    const provider = attribute(providerElement, 'Name');
    const id = Number.parseInt(elementText(system, 'EventID') ?? '', 10);
    const timeElement = /<TimeCreated\b[^>]*>/.exec(system)?.[0] ?? '';
    const systemTime = attribute(timeElement, 'SystemTime');
    const log = elementText(system, 'Channel');
    const time = systemTime ? toSecondsIso(systemTime) : null;
    if (!provider || Number.isNaN(id) || !time || !log) {
      unreadable++;
      continue;
    }
    const eventData = /<EventData>([\s\S]*?)<\/EventData>/.exec(xml)?.[1] ?? '';
    const data = [...eventData.matchAll(/<Data(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/Data>)/g)].map((item) => decodeXmlText(item[1] ?? ''));
    const rendering = /<RenderingInfo\b[\s\S]*?<\/RenderingInfo>/.exec(xml)?.[0] ?? '';
    const message = rendering ? elementText(rendering, 'Message') : null;
    events.push({ log, provider, id, time, data, message: message === '' ? null : message });
  }
  return { events, unreadable };
}

/** "2026-11-20T08:14:01.1234567Z" -> "2026-11-20T08:14:01Z"; null when it is not a time. */
function toSecondsIso(systemTime: string): string | null {
  if (!/^\d{4}-\d\d-\d\dT/.test(systemTime)) return null;
  const date = new Date(systemTime.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(date.getTime()) ? null : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The XPath query for wevtutil: these providers' ids in the last `days` days. */
export function eventQuery(provider: string, ids: readonly number[], days: number): string {
  const idFilter = ids.map((id) => `EventID=${id}`).join(' or ');
  return `*[System[Provider[@Name='${provider}'] and (${idFilter}) and TimeCreated[timediff(@SystemTime) <= ${days * 86_400_000}]]]`;
}
