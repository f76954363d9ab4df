// How a section fault changes a built-in tool's answer: a hang, cut output or garbage.
import type { SimulatedCommandOutput } from '../dispatcher.js';
import type { SimulatedFault } from '../machine-state.js';

export function faultOutput(fault: SimulatedFault, output: SimulatedCommandOutput): SimulatedCommandOutput {
  switch (fault.kind) {
    case 'hang':
      return { ...output, hangs: true, stdout: '' };
    case 'truncated':
      return { ...output, stdout: output.stdout.slice(0, Math.floor(output.stdout.length * 0.6)) };
    case 'garbage':
      return { ...output, stdout: '\u00ff\u00fe\u0000\u0013\u00a7 garbage \u0000\u0000 ???\r\n' };
    case 'access-denied':
      return output;
  }
}
