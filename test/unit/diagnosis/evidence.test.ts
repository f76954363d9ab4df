// Evidence must point at real facts: every evidence path resolves in the snapshot it came from.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src-main/diagnosis/diagnose.js';
import { decodeSnapshotBytes, parseSnapshotText } from '../../../src-main/snapshot/parse.js';
import {
  CODE_INTEGRITY_DENY_LIST_ID,
  CODE_INTEGRITY_FILE_FAILURE_IDS,
  CODE_INTEGRITY_IDS,
  CODE_INTEGRITY_SIGNATURE_INFO_ID,
  SCM_DRIVER_FAILURE_ID,
  SCM_OTHER_FAILURE_IDS,
  SCM_SERVICE_SPECIFIC_ERROR_ID,
  SCM_START_FAILURE_IDS,
} from '../../../src-main/diagnosis/rules/signature-evidence.js';
import { CODE_INTEGRITY_EVENT_IDS, SCM_EVENT_IDS } from '../../../src-main/shared/names.js';
import { apexService, makeSnapshot, scmEvent } from './builders.js';

const folder = new URL('../../fixtures/snapshots/', import.meta.url);

function resolve(root: unknown, path: string): { found: boolean; value?: unknown } {
  let current: unknown = root;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (current === null || typeof current !== 'object' || !(part in (current as Record<string, unknown>))) return { found: false };
    current = (current as Record<string, unknown>)[part];
  }
  return { found: true, value: current };
}

describe('evidence', () => {
  for (const name of readdirSync(folder).filter((file) => file.endsWith('.json'))) {
    it(`${name}: every evidence path exists in the snapshot, and primitive values match it`, () => {
      const text = decodeSnapshotBytes(readFileSync(new URL(name, folder)));
      const parsed = parseSnapshotText(text);
      if (!parsed.ok) throw new Error(parsed.error);
      const raw = JSON.parse(text);
      for (const finding of diagnose(parsed.snapshot).findings) {
        expect(finding.explanation.length, finding.id).toBeGreaterThan(20);
        for (const evidence of finding.evidence) {
          const resolved = resolve(raw, evidence.path);
          // A whole section that is absent is shown as evidence with the value null.
          if (!resolved.found && evidence.value === null && !/[.[]/.test(evidence.path)) continue;
          expect(resolved.found, `${finding.id}: ${evidence.path}`).toBe(true);
          if (resolved.value === null || typeof resolved.value !== 'object') {
            if (typeof evidence.value !== 'object' || evidence.value === null) expect(evidence.value, `${finding.id}: ${evidence.path}`).toEqual(resolved.value);
          }
        }
      }
    });
  }
});

describe('one definition of the collected event IDs (issue 13, item 10)', () => {
  it('every event ID the diagnosis reads is one the collector collects (src-main/shared/names.ts)', () => {
    const collected = new Set<number>([...SCM_EVENT_IDS, ...CODE_INTEGRITY_EVENT_IDS]);
    for (const id of [
      ...SCM_START_FAILURE_IDS,
      ...SCM_OTHER_FAILURE_IDS,
      ...CODE_INTEGRITY_IDS,
      ...CODE_INTEGRITY_FILE_FAILURE_IDS,
      CODE_INTEGRITY_SIGNATURE_INFO_ID,
      CODE_INTEGRITY_DENY_LIST_ID,
      SCM_DRIVER_FAILURE_ID,
      SCM_SERVICE_SPECIFIC_ERROR_ID,
    ]) {
      expect(collected.has(id), String(id)).toBe(true);
    }
    expect([...CODE_INTEGRITY_IDS].sort()).toEqual([...CODE_INTEGRITY_EVENT_IDS].sort());
  });

  it('reads 7001 (a service it depends on failed) as another cause for that service', () => {
    const services = [apexService('TmListen', 'Apex One NT Listener', 'TmListen.exe', { state: 'Stopped', exitCode: 0 })];
    const diagnosis = diagnose(makeSnapshot({ services, events: [scmEvent(7001, ['Apex One NT Listener', 'Apex One NT RealTime Scan', '%%577'])] }));
    expect(diagnosis.agentServices.services[0]?.status).toBe('failed-other');
  });
});
