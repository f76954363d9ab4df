// One list of collected event IDs (src-main/shared/names.ts). The PowerShell collector cannot import
// TypeScript, so this test holds assets/probe/collect.ps1 to exactly that list, log by log.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { assetPath } from '../../../src-main/paths.js';
import { CODE_INTEGRITY_EVENT_IDS, SCM_EVENT_IDS } from '../../../src-main/shared/names.js';
import { CODE_INTEGRITY_FILE_FAILURE_IDS, CODE_INTEGRITY_IDS, SCM_OTHER_FAILURE_IDS, SCM_START_FAILURE_IDS } from '../../../src-main/diagnosis/rules/signature-evidence.js';

/** The IDs of the event query whose hashtable line mentions `marker` (e.g. @{ LogName = 'System'; ProviderName = 'Service Control Manager'; Id = @(…) }). */
function idsOn(script: string, marker: string): number[] {
  const lines = script.split(/\r?\n/).filter((line) => line.includes(marker) && /\bId\s*=\s*@\(/.test(line));
  expect(lines, `one event query for ${marker} in collect.ps1`).toHaveLength(1);
  return /\bId\s*=\s*@\(([^)]*)\)/
    .exec(lines[0]!)![1]!
    .split(',')
    .map((id) => Number(id.trim()));
}

describe('collected event IDs', () => {
  it('collect.ps1 reads exactly the shared Service Control Manager and Code Integrity lists', async () => {
    const script = await readFile(assetPath('probe', 'collect.ps1'), 'utf8');
    expect(idsOn(script, "'Service Control Manager'").sort()).toEqual([...SCM_EVENT_IDS].sort());
    expect(idsOn(script, 'CodeIntegrity/Operational').sort()).toEqual([...CODE_INTEGRITY_EVENT_IDS].sort());
  });

  it('the list is the agreed one, and what the diagnosis looks for is inside it', () => {
    expect(SCM_EVENT_IDS).toEqual([7000, 7001, 7009, 7011, 7022, 7023, 7024, 7026, 7031, 7034]);
    expect(CODE_INTEGRITY_EVENT_IDS).toEqual([3004, 3033, 3089, 3104]);
    for (const id of [...SCM_START_FAILURE_IDS, ...SCM_OTHER_FAILURE_IDS]) expect(SCM_EVENT_IDS).toContain(id);
    for (const id of [...CODE_INTEGRITY_IDS, ...CODE_INTEGRITY_FILE_FAILURE_IDS]) expect(CODE_INTEGRITY_EVENT_IDS).toContain(id);
  });
});
