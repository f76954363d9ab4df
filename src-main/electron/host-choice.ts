// Which machine the desktop app looks at: this Windows (real commands), or a simulated profile when
// asked with --simulate=NAME / ACS_SIMULATE=NAME, or when not running on Windows at all.
import { DEFAULT_PREVIEW_PROFILE } from '../preview/start.js';

export type HostChoice = { kind: 'windows' } | { kind: 'simulated'; profile: string; reason: 'asked' | 'not-windows' };

export function chooseHost(argv: readonly string[], env: NodeJS.ProcessEnv, platform: NodeJS.Platform): HostChoice {
  const flag = argv.find((arg) => arg.startsWith('--simulate='));
  const asked = flag ? flag.slice('--simulate='.length) : env.ACS_SIMULATE;
  if (asked) return { kind: 'simulated', profile: asked, reason: 'asked' };
  if (platform === 'win32') return { kind: 'windows' };
  return { kind: 'simulated', profile: DEFAULT_PREVIEW_PROFILE, reason: 'not-windows' };
}
