// The honest snapshot of a machine that is not Windows (the helpdesk runs the app anywhere): OS,
// architecture and host name from systeminformation; Windows-only sections are listed as not collected
// (naming any Trend Micro agent process running here, e.g. Deep Security Agent for Linux).
import { hostname, release, type } from 'node:os';
import si from 'systeminformation';
import { TREND_AGENT_SERVICE_NAMES } from '../catalogue/trend-agents.js';
import type { Snapshot } from '../snapshot/schema.js';
import { PROGRAM_NAME, PROGRAM_VERSION } from '../version.js';
import { isoNow } from './assemble.js';
import type { ProbeProgress } from './collect.js';
import type { ProbeSectionName } from './protocol.js';

export interface PortableOptions {
  platform: NodeJS.Platform;
  sections: readonly ProbeSectionName[];
  report: (progress: ProbeProgress) => void;
}

export async function collectPortableSnapshot(options: PortableOptions): Promise<Snapshot> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  for (const section of ['host', 'os']) options.report({ section, status: 'started', elapsedMs: 0 });
  let info: Pick<si.Systeminformation.OsData, 'platform' | 'distro' | 'release' | 'kernel' | 'arch' | 'hostname' | 'fqdn'>;
  try {
    info = await si.osInfo();
  } catch {
    // systeminformation failed: Node's own facts are less detailed but true.
    info = { platform: process.platform, distro: type(), release: release(), kernel: release(), arch: process.arch, hostname: hostname(), fqdn: hostname() };
  }
  for (const section of ['host', 'os']) options.report({ section, status: 'done', elapsedMs: elapsed() });
  const platform = options.platform === 'linux' || options.platform === 'darwin' ? options.platform : 'other';
  const productName = [info.distro, info.release].filter((part) => part && part.trim() !== '').join(' ') || info.platform || options.platform;
  const skipped = options.sections.filter((section) => section !== 'os' && section !== 'host');
  // Trend agents exist for Linux too (Deep Security Agent: ds_agent); say so, without calling them Windows services.
  let runningAgents: string[] = [];
  if (skipped.includes('services')) {
    try {
      runningAgents = (await si.services(TREND_AGENT_SERVICE_NAMES.filter((name) => !name.includes(' ')).join(','))).filter((service) => service.running).map((service) => service.name);
    } catch {
      runningAgents = [];
    }
  }
  for (const section of skipped) options.report({ section, status: 'skipped', elapsedMs: elapsed(), message: 'Windows only' });
  return {
    format: 'acs-snapshot',
    version: 1,
    collectedAt: isoNow(),
    collector: { name: PROGRAM_NAME, version: PROGRAM_VERSION, elevated: typeof process.getuid === 'function' && process.getuid() === 0, method: 'portable' },
    host: { computerName: info.hostname || 'unknown', domain: info.fqdn && info.fqdn.includes('.') ? info.fqdn.slice(info.fqdn.indexOf('.') + 1) : null },
    os: { platform, productName, kernelVersion: info.kernel || null, architecture: info.arch || process.arch },
    errors: skipped.map((section) => ({
      section,
      message: `not collected: this machine runs ${platform === 'other' ? options.platform : platform}, and this section exists only on Windows${section === 'services' && runningAgents.length > 0 ? ` (Trend Micro processes running here: ${runningAgents.join(', ')})` : ''}`,
    })),
  };
}
