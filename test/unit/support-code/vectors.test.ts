// The test vectors published in docs/support-code.md: each row encodes to its code and decodes back.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeSupportCode, encodeSupportSummary, type SupportSummary } from '../../../src-main/support-code/index.js';

const doc = readFileSync(new URL('../../../docs/support-code.md', import.meta.url), 'utf8');
const cells = (line: string) =>
  line
    .split('|')
    .slice(1, -1)
    .map((cell) => cell.trim());
const vectorRows = doc
  .split('\n')
  .filter((line) => line.startsWith('| ACS-'))
  .map(cells);
const refusedRows = doc
  .split('\n')
  .filter((line) => line.startsWith('| `ACS-'))
  .map(cells);

function summaryOf(row: string[]): SupportSummary {
  const [, verdict, build, server, name, update, root, auto, agent, reboot] = row as [string, ...string[]];
  const [buildNumber, ubr] = build === '—' ? [null, null] : build!.split('.');
  return {
    verdict: verdict as SupportSummary['verdict'],
    windows: {
      build: buildNumber === null || buildNumber === undefined ? null : Number(buildNumber),
      ubr: ubr === null || ubr === undefined || ubr === '?' ? null : Number(ubr),
      server: server === 'yes',
      name: name!,
    },
    windowsUpdate: update as SupportSummary['windowsUpdate'],
    rootCertificate: root as SupportSummary['rootCertificate'],
    rootAutoUpdate: auto as SupportSummary['rootAutoUpdate'],
    agentServices: agent as SupportSummary['agentServices'],
    pendingReboot: reboot === 'unknown' ? null : reboot === 'yes',
  };
}

describe('support code test vectors in docs/support-code.md', () => {
  it('lists enough vectors to cover every verdict', () => {
    expect(vectorRows.length).toBeGreaterThanOrEqual(8);
    expect(new Set(vectorRows.map((row) => row[1]))).toEqual(new Set(['ready', 'action-required', 'unsupported', 'unknown']));
  });

  it.each(vectorRows.map((row) => [row[0]!, row] as const))('%s encodes and decodes as documented', (code, row) => {
    const summary = summaryOf(row);
    expect(encodeSupportSummary(summary)).toBe(code);
    const decoded = decodeSupportCode(code);
    expect(decoded).toEqual({ ok: true, code, summary });
  });

  it.each(refusedRows.map((row) => [row[0]!.replace(/`/g, ''), row[1]!] as const))('%s is refused (%s)', (input) => {
    const decoded = decodeSupportCode(input);
    expect(decoded.ok).toBe(false);
  });

  it('has the worked example right', () => {
    expect(doc).toContain('`ACS-001J-4BCS`');
    expect(vectorRows.some((row) => row[0] === 'ACS-001J-4BCS')).toBe(true);
  });
});
