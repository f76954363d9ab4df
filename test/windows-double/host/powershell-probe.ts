// Simulated `powershell.exe … -File collect.ps1`: prints what the collector script prints on this
// machine (the snapshot document on stdout, progress lines on stderr), including locked-down
// PowerShell, section faults and the script's own per-section time budgets.
import { findTrendAgentService, isTrendProductName } from '#product/catalogue/trend-agents.js';
import { machineIdFromGuid } from '#product/snapshot/machine-id.js';
import { PROGRAM_VERSION } from '#product/version.js';
import {
  CODE_INTEGRITY_EVENT_IDS,
  SCM_EVENT_IDS,
  defaultProbeInput,
  formatProgressLine,
  LOCKED_DOWN_EXIT_CODE,
  probeInputSchema,
  type ProbeInput,
  type ProbeSectionName,
} from '#product/probe/protocol.js';
import type { SimulatedCommandHandler, SimulatedCommandOutput } from './dispatcher.js';
import { commandName, hasArg } from './dispatcher.js';
import { executablePath, type SimulatedMachine } from './machine.js';
import { binaryChain } from './signing.js';
import { pendingRebootMarkerSchema } from './machine-state.js';
import { authenticodeStatusMessage, win32ErrorText } from './messages.js';

/** Simulated cost of each section on a typical machine (ms), used for timing and budgets. */
const SECTION_COST_MS: Record<ProbeSectionName, number> = {
  host: 20,
  os: 15,
  hotfixes: 900,
  certificates: 250,
  rootAutoUpdate: 120,
  services: 300,
  signatures: 400,
  events: 350,
  products: 150,
  pendingReboot: 20,
  bootConfiguration: 15,
};
const STARTUP_MS = 450;

export const powershellProbeHandler: SimulatedCommandHandler = {
  name: 'powershell collect.ps1',
  matches: (request) => ['powershell', 'pwsh'].includes(commandName(request.file)) && request.args.some((arg) => /collect\.ps1$/i.test(arg)) && hasArg(request.args, '-File'),
  run: ({ request, machine }) => runCollectorScript(machine, request.stdin?.trim() ? request.stdin : (request.env?.ACS_PROBE_INPUT ?? '')),
};

export function runCollectorScript(machine: SimulatedMachine, stdin: string): SimulatedCommandOutput {
  const availability = machine.state.powershell.availability;
  if (availability === 'missing') return { exitCode: 0, stdout: '', spawnError: { code: 'ENOENT', message: 'spawn powershell.exe ENOENT' } };
  if (availability === 'blocked') {
    return { exitCode: 0, stdout: '', spawnError: { code: 'EACCES', message: 'spawn powershell.exe EACCES (This program is blocked by group policy.)' } };
  }
  if (machine.state.powershell.lockdownPolicy === 'Enforce') {
    // collect.ps1 asks SystemPolicy: under an enforced AppLocker/WDAC script policy its runspaces would be
    // ConstrainedLanguage, so it prints the locked-down marker.
    return { exitCode: LOCKED_DOWN_EXIT_CODE, stdout: '{"acsProbeUnavailable":true,"languageMode":"FullLanguage","lockdownPolicy":"Enforce"}\r\n', durationMs: STARTUP_MS };
  }
  if (availability === 'constrained-language') {
    return { exitCode: LOCKED_DOWN_EXIT_CODE, stdout: '{"acsProbeUnavailable":true,"languageMode":"ConstrainedLanguage"}\r\n', durationMs: STARTUP_MS };
  }
  let input: ProbeInput;
  try {
    input = stdin.trim() === '' ? defaultProbeInput() : probeInputSchema.parse(JSON.parse(stdin));
  } catch (error) {
    return { exitCode: 2, stdout: '', stderr: `collect.ps1: invalid input: ${error instanceof Error ? error.message : String(error)}\r\n` };
  }
  const document: Record<string, unknown> = {
    format: 'acs-snapshot',
    version: 1,
    collectedAt: machine
      .now()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z'),
    collector: { name: 'acs-collect.ps1', version: PROGRAM_VERSION, elevated: machine.state.user.elevated, method: 'powershell' },
  };
  const errors: { section: string; message: string }[] = [];
  const progress: string[] = [];
  let longest = 0;
  let truncateAt: string | null = null;
  for (const section of input.sections) {
    progress.push(formatProgressLine({ section, status: 'started', elapsedMs: STARTUP_MS }));
    const fault = machine.faultFor(section, 'powershell');
    const budget = input.budgetsMs[section] ?? 5000;
    let cost = SECTION_COST_MS[section];
    if (fault?.kind === 'hang') {
      cost = budget;
      document[section] = null;
      errors.push({ section, message: `timed out after ${budget} ms` });
      progress.push(formatProgressLine({ section, status: 'failed', elapsedMs: STARTUP_MS + cost, message: `timed out after ${budget} ms` }));
    } else if (fault?.kind === 'access-denied') {
      document[section] = null;
      const message = win32ErrorText(5, machine.state.os.language);
      errors.push({ section, message });
      progress.push(formatProgressLine({ section, status: 'failed', elapsedMs: STARTUP_MS + cost, message }));
    } else {
      document[section] = fault?.kind === 'garbage' ? garbageFor(section) : sectionValue(machine, section, input);
      if (fault?.kind === 'truncated') truncateAt ??= section;
      if (section === 'rootAutoUpdate' && !input.network) errors.push({ section: 'rootAutoUpdate.reachable', message: 'skipped: network checks are off' });
      progress.push(formatProgressLine({ section, status: 'done', elapsedMs: STARTUP_MS + cost }));
    }
    longest = Math.max(longest, cost);
  }
  document.errors = errors;
  const duration = STARTUP_MS + longest + 30;
  (document.collector as Record<string, unknown>).durationMs = duration;
  let stdout = asciiJson(document);
  if (truncateAt !== null) {
    // The process died while writing: the output stops inside the faulty section.
    const cut = stdout.indexOf(`"${truncateAt}":`);
    stdout = stdout.slice(0, cut < 0 ? Math.floor(stdout.length / 2) : cut + truncateAt.length + 8);
  }
  // The script reports every start first, then each end as it happens: order the lines by time.
  const timed = progress.map((line, index) => ({ line, index, at: (JSON.parse(line) as { elapsedMs: number }).elapsedMs })).sort((a, b) => a.at - b.at || a.index - b.index);
  return { exitCode: 0, stdout: `${stdout}\r\n`, stderr: timed.map((entry) => `${entry.line}\r\n`).join(''), stderrSchedule: timed.map((entry) => entry.at), durationMs: duration };
}

/** JSON with every non-ASCII character escaped, as the script writes it (code-page proof). */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Output a broken section might produce: the right key, values of the wrong kind. */
function garbageFor(section: ProbeSectionName): unknown {
  switch (section) {
    case 'os':
      return { productName: 42, currentBuild: 'Windows', installationType: '???' };
    case 'host':
      return 'ÿþ\u0000garbage';
    default:
      return [{ '\u0000': 'garbage', id: -1, thumbprint: 'zz' }];
  }
}

/** The value of one section as collect.ps1 builds it from Windows, here from the machine state. */
export function sectionValue(machine: SimulatedMachine, section: ProbeSectionName, input: ProbeInput): unknown {
  const state = machine.state;
  switch (section) {
    case 'host':
      return { computerName: state.host.computerName, domain: machine.dnsDomain(), machineId: machineIdFromGuid(machine.machineGuid()) };
    case 'os': {
      const { language: _language, acsSupport: _acsSupport, ...os } = state.os;
      return { platform: 'windows', ...os, lastBootUpTime: machine.lastBootUpTime() };
    }
    case 'hotfixes':
      return state.hotfixes.map((hotfix) => ({ id: hotfix.id, installedOn: hotfix.installedOn, description: hotfix.description }));
    case 'certificates': {
      const root = (['GroupPolicy', 'Enterprise', 'Root', 'AuthRoot'] as const).flatMap((store) =>
        state.certificateStores[store].map((cert) => ({ thumbprint: cert.thumbprint, subject: cert.subject, issuer: cert.issuer, notBefore: cert.notBefore, notAfter: cert.notAfter, store })),
      );
      const seen = new Set<string>();
      const unique = root.filter((cert) => (seen.has(cert.thumbprint) ? false : (seen.add(cert.thumbprint), true)));
      const disallowed = state.certificateStores.Disallowed.map((cert) => ({
        thumbprint: cert.thumbprint,
        subject: cert.subject,
        issuer: cert.issuer,
        notBefore: cert.notBefore,
        notAfter: cert.notAfter,
        store: 'Disallowed',
      }));
      return { root: unique, disallowed };
    }
    case 'rootAutoUpdate':
      return { disabledByPolicy: state.rootAutoUpdate.disabledByPolicy, rootDirUrl: state.rootAutoUpdate.rootDirUrl, reachable: input.network ? state.rootAutoUpdate.reachable : null };
    case 'services':
      return agentServices(machine, input).map((service) => ({
        name: service.name,
        displayName: service.displayName,
        state: service.state,
        startType: service.startType,
        exitCode: service.exitCode,
        imagePath: service.imagePath,
        dependsOn: [...service.dependsOn],
      }));
    case 'signatures':
      return agentServices(machine, input).flatMap((service) => {
        const path = executablePath(service.imagePath);
        const binary = machine.binaryFor(path);
        if (!binary) return [];
        const status = machine.signatureStatus(path);
        const chain = binaryChain(binary);
        const root = chain.at(-1);
        return [
          {
            path: binary.path,
            status,
            signerSubject: binary.signing === 'unsigned' ? null : binary.signerSubject,
            rootThumbprint: root && root.subject === root.issuer ? root.thumbprint : null,
            statusMessage: authenticodeStatusMessage(status, state.os.language),
            signerIssuer: chain[0]?.issuer ?? null,
            chainThumbprints: chain.length > 0 ? chain.map((certificate) => certificate.thumbprint) : null,
          },
        ];
      });
    case 'events': {
      const since = machine.now().getTime() - input.eventDays * 86_400_000;
      const wanted = (log: string, ids: number[]) =>
        state.events
          .filter((event) => event.log === log && ids.includes(event.id) && new Date(event.time).getTime() >= since)
          .sort((a, b) => b.time.localeCompare(a.time))
          .slice(0, input.maxEventsPerLog)
          .map((event) => ({
            log: event.log,
            provider: event.provider,
            id: event.id,
            time: event.time,
            data: [...event.data],
            message: event.message,
            activityId: event.activityId ? event.activityId.replace(/[{}]/g, '').toUpperCase() : null,
          }));
      return [...wanted('System', [...SCM_EVENT_IDS]), ...wanted('Microsoft-Windows-CodeIntegrity/Operational', [...CODE_INTEGRITY_EVENT_IDS])];
    }
    case 'products':
      return state.products.filter((product) => isTrendProductName(product.name) || /trend micro/i.test(product.publisher ?? '')).map((product) => ({ ...product }));
    case 'pendingReboot':
      return {
        required: state.pendingRebootMarkers.length > 0,
        // collect.ps1 checks the markers in this fixed order.
        reasons: pendingRebootMarkerSchema.options.filter((marker) => state.pendingRebootMarkers.includes(marker)),
        rollupFixPackages: [...state.rollupFixPackages].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase())).map((item) => ({ ...item })),
      };
    case 'bootConfiguration':
      return { ...state.bootConfiguration };
  }
}

/** Agent services the script reports: the asked-for names, plus any other service that looks like Trend's. */
export function agentServices(machine: SimulatedMachine, input: ProbeInput) {
  const wanted = new Set(input.serviceNames.map((name) => name.toLowerCase()));
  // collect.ps1 also takes any service Windows refused to start for its signature (577): another vendor's.
  return machine.state.services.filter((service) => wanted.has(service.name.toLowerCase()) || findTrendAgentService(service) !== null || (service.state === 'Stopped' && service.exitCode === 577));
}
