// Which machine the desktop app looks at: this Windows (real commands), or a simulated profile when
// asked with --simulate=NAME / ACS_SIMULATE=NAME, or when a development copy runs elsewhere than on
// Windows. A packaged app has no simulated machines: asking for one gives NO_DEMO_MACHINES.
import { DEFAULT_SIMULATED_PROFILE, NO_DEMO_MACHINES } from '../host/simulator.js';
import type { HostRequest } from '../host/create-host.js';

export type HostChoice = { kind: 'windows' } | { kind: 'other' } | { kind: 'simulated'; profile: string; reason: 'asked' | 'not-windows' } | { kind: 'refused'; message: string };

export function chooseHost(argv: readonly string[], env: NodeJS.ProcessEnv, platform: NodeJS.Platform, packaged = false): HostChoice {
  const flag = argv.find((arg) => arg.startsWith('--simulate='));
  const asked = flag ? flag.slice('--simulate='.length) : env.ACS_SIMULATE;
  if (asked) return packaged ? { kind: 'refused', message: NO_DEMO_MACHINES } : { kind: 'simulated', profile: asked, reason: 'asked' };
  if (platform === 'win32') return { kind: 'windows' };
  if (packaged) return { kind: 'other' };
  return { kind: 'simulated', profile: DEFAULT_SIMULATED_PROFILE, reason: 'not-windows' };
}

/** What the host factory is asked for (a refused choice has none). */
export function hostRequest(choice: Exclude<HostChoice, { kind: 'refused' }>): HostRequest {
  return choice.kind === 'simulated' ? { kind: 'simulated', profile: choice.profile } : { kind: 'this-computer' };
}
