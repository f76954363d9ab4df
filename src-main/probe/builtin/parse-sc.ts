// Pure parsers for `sc queryex type= service state= all` and `sc qc NAME`. The field labels
// (SERVICE_NAME, STATE, WIN32_EXIT_CODE, START_TYPE…) are English on every Windows language; only
// the "[SC] … SUCCESS/FAILED" lines and error texts are localised, and the parsers skip those.
import type { ServiceState, StartType } from '../../snapshot/schema.js';

export interface ScServiceStatus {
  name: string;
  displayName: string;
  state: ServiceState;
  win32ExitCode: number | null;
}

const STATE_BY_CODE: Record<string, ServiceState> = {
  '1': 'Stopped',
  '2': 'StartPending',
  '3': 'StopPending',
  '4': 'Running',
  '5': 'ContinuePending',
  '6': 'PausePending',
  '7': 'Paused',
};

function field(line: string): { label: string; value: string } | null {
  const match = /^\s*([A-Z0-9_]+)\s*: ?(.*)$/.exec(line);
  return match ? { label: match[1] ?? '', value: (match[2] ?? '').trim() } : null;
}

export function parseScQueryEx(text: string): ScServiceStatus[] {
  const services: ScServiceStatus[] = [];
  let current: ScServiceStatus | null = null;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/\r$/, '');
    const entry = field(line);
    if (!entry) continue;
    switch (entry.label) {
      case 'SERVICE_NAME':
        current = { name: entry.value, displayName: entry.value, state: 'Stopped', win32ExitCode: null };
        services.push(current);
        break;
      case 'DISPLAY_NAME':
        if (current) current.displayName = entry.value;
        break;
      case 'STATE': {
        const state = STATE_BY_CODE[entry.value.split(/\s+/)[0] ?? ''];
        if (current && state) current.state = state;
        break;
      }
      case 'WIN32_EXIT_CODE': {
        const code = Number.parseInt(entry.value.split(/\s+/)[0] ?? '', 10);
        if (current) current.win32ExitCode = Number.isNaN(code) ? null : code;
        break;
      }
    }
  }
  return services;
}

export interface ScServiceConfig {
  name: string;
  startType: StartType;
  binaryPath: string | null;
  displayName: string | null;
  dependencies: string[];
}

const START_TYPE_BY_CODE: Record<string, StartType> = { '0': 'Boot', '1': 'System', '2': 'Automatic', '3': 'Manual', '4': 'Disabled' };

/** Parses `sc qc NAME`; null when the output holds no SERVICE_NAME (an error such as 1060). */
export function parseScQc(text: string): ScServiceConfig | null {
  let config: ScServiceConfig | null = null;
  let inDependencies = false;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/\r$/, '');
    const continuation = /^\s+: ?(.*)$/.exec(line);
    if (continuation && inDependencies && config) {
      const dependency = (continuation[1] ?? '').trim();
      if (dependency !== '') config.dependencies.push(dependency);
      continue;
    }
    const entry = field(line);
    inDependencies = false;
    if (!entry) continue;
    if (entry.label === 'SERVICE_NAME') {
      config = { name: entry.value, startType: 'Manual', binaryPath: null, displayName: null, dependencies: [] };
      continue;
    }
    if (!config) continue;
    switch (entry.label) {
      case 'START_TYPE': {
        const type = START_TYPE_BY_CODE[entry.value.split(/\s+/)[0] ?? ''];
        if (type) config.startType = type === 'Automatic' && /\(DELAYED\)/i.test(entry.value) ? 'AutomaticDelayed' : type;
        break;
      }
      case 'BINARY_PATH_NAME':
        config.binaryPath = entry.value === '' ? null : entry.value;
        break;
      case 'DISPLAY_NAME':
        config.displayName = entry.value;
        break;
      case 'DEPENDENCIES':
        inDependencies = true;
        if (entry.value !== '') config.dependencies.push(entry.value);
        break;
    }
  }
  return config;
}

/** "[SC] OpenService FAILED 1060:" / "[SC] OpenService FEHLER 5:" -> the Win32 error code. */
export function scErrorCode(text: string): number | null {
  const match = /^\[SC\] \S+ \S+ (\d+):/m.exec(text);
  return match?.[1] ? Number.parseInt(match[1], 10) : null;
}
