// Simulated `wevtutil qe LOG /q:XPATH /c:N /rd:true /f:RenderedXml`: the events of the machine that
// match the provider, ids and age in the query, newest first, as rendered XML in the machine's language.
import type { SimulatedCommandHandler, SimulatedCommandOutput } from '../dispatcher.js';
import { commandName } from '../dispatcher.js';
import type { SimulatedEvent } from '../machine-state.js';
import type { SimulatedMachine } from '../machine.js';
import { faultOutput } from './faults.js';

const PROVIDER_GUIDS: Record<string, string> = {
  'Service Control Manager': '{555908d1-a6d7-4695-8e1e-26931d2012f4}',
  'Microsoft-Windows-CodeIntegrity': '{4ee76bd8-3cf4-44a0-a0ac-3937643e37a3}',
};
const LEVELS = { Error: 2, Warning: 3, Information: 4 } as const;
const LEVEL_NAMES: Record<string, Record<keyof typeof LEVELS, string>> = {
  'en-US': { Error: 'Error', Warning: 'Warning', Information: 'Information' },
  'de-DE': { Error: 'Fehler', Warning: 'Warnung', Information: 'Informationen' },
  'ja-JP': { Error: 'エラー', Warning: '警告', Information: '情報' },
};

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;').replace(/\r/g, '&#xD;');
}

function renderEvent(event: SimulatedEvent, recordId: number, machine: SimulatedMachine): string {
  const scm = event.provider === 'Service Control Manager';
  const language = machine.state.os.language;
  const data = event.data.map((value, index) => (scm ? `<Data Name='param${index + 1}'>${escapeXml(value)}</Data>` : `<Data>${escapeXml(value)}</Data>`)).join('');
  const time = event.time.replace(/Z$/, '.1234567Z');
  return [
    `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>`,
    `<Provider Name='${escapeXml(event.provider)}' Guid='${PROVIDER_GUIDS[event.provider] ?? '{00000000-0000-0000-0000-000000000000}'}'${scm ? ` EventSourceName='Service Control Manager'` : ''}/>`,
    `<EventID${scm ? ` Qualifiers='49152'` : ''}>${event.id}</EventID><Version>0</Version><Level>${LEVELS[event.level]}</Level><Task>0</Task><Opcode>0</Opcode>`,
    `<Keywords>0x8080000000000000</Keywords><TimeCreated SystemTime='${time}'/><EventRecordID>${recordId}</EventRecordID><Correlation/>`,
    `<Execution ProcessID='812' ThreadID='4120'/><Channel>${escapeXml(event.log)}</Channel><Computer>${escapeXml(machine.state.host.computerName)}</Computer><Security/></System>`,
    `<EventData>${data}</EventData>`,
    `<RenderingInfo Culture='${language}'>${event.message === null ? '' : `<Message>${escapeXml(event.message)}</Message>`}<Level>${LEVEL_NAMES[language]?.[event.level] ?? event.level}</Level><Task></Task><Opcode></Opcode><Channel></Channel><Provider></Provider><Keywords><Keyword>Classic</Keyword></Keywords></RenderingInfo>`,
    `</Event>`,
  ].join('');
}

function argValue(args: readonly string[], prefix: string): string | undefined {
  return args.find((arg) => arg.toLowerCase().startsWith(prefix))?.slice(prefix.length);
}

export function wevtutilQuery(machine: SimulatedMachine, args: readonly string[]): SimulatedCommandOutput {
  const log = args[1] ?? '';
  const query = argValue(args, '/q:') ?? '*';
  const count = Number.parseInt(argValue(args, '/c:') ?? '1000000', 10);
  const fault = machine.faultFor('events', 'builtin-tools');
  if (fault?.kind === 'access-denied') return { exitCode: 5, stdout: '', stderr: `Failed to read events. Access is denied.\r\n`, durationMs: 30 };
  if (!['system', 'microsoft-windows-codeintegrity/operational'].includes(log.toLowerCase())) {
    return { exitCode: 15007, stdout: '', stderr: 'Failed to read events. The specified channel could not be found.\r\n', durationMs: 20 };
  }
  const provider = /Provider\[@Name='([^']+)'\]/.exec(query)?.[1];
  const ids = [...query.matchAll(/EventID=(\d+)/g)].map((match) => Number(match[1]));
  const maxAge = Number(/timediff\(@SystemTime\) <= (\d+)/.exec(query)?.[1] ?? Number.POSITIVE_INFINITY);
  const now = machine.now().getTime();
  const events = machine.state.events
    .map((event, index) => ({ event, recordId: 40_000 + index }))
    .filter(({ event }) => event.log.toLowerCase() === log.toLowerCase())
    .filter(({ event }) => (provider ? event.provider === provider : true))
    .filter(({ event }) => (ids.length > 0 ? ids.includes(event.id) : true))
    .filter(({ event }) => now - new Date(event.time).getTime() <= maxAge)
    .sort((a, b) => b.event.time.localeCompare(a.event.time))
    .slice(0, count);
  const stdout = events.map(({ event, recordId }) => `${renderEvent(event, recordId, machine)}\r\n`).join('');
  const output: SimulatedCommandOutput = { exitCode: 0, stdout, durationMs: 120 };
  return fault ? faultOutput(fault, output) : output;
}

export const wevtutilHandler: SimulatedCommandHandler = {
  name: 'wevtutil qe',
  matches: (request) => commandName(request.file) === 'wevtutil' && request.args[0]?.toLowerCase() === 'qe',
  run: ({ request, machine }) => wevtutilQuery(machine, request.args),
};
