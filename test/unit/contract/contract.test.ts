// The contract's argument schemas accept what the wizard sends and reject everything else.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { PROBE_SECTIONS as PROBE_MODULE_SECTIONS } from '../../../src-main/probe/collect.js';
import type { ReprobeSection } from '../../../src-main/fixes/types.js';
import { PROBE_SECTIONS, BRIDGE_ERROR_CODES, EVENT_NAMES, OPERATION_NAMES, isOperationName, operationArgumentSchemas, type AcsBridge, type OperationResult } from '../../../src-main/contract/index.js';

describe('operation argument schemas', () => {
  it('lists every operation the wizard needs', () => {
    expect(OPERATION_NAMES).toEqual(
      expect.arrayContaining([
        'getAppInfo',
        'startProbe',
        'cancelProbe',
        'getDiagnosis',
        'listPlan',
        'previewFix',
        'applyFix',
        'verifyFix',
        'undoFix',
        'chooseUpdateFile',
        'reboot',
        'resumeAfterRestart',
        'exportReport',
        'previewRedaction',
        'openReceived',
        'decodeSupportCode',
        'openExternalLink',
      ]),
    );
  });

  it('knows its own operation names and nothing inherited from Object', () => {
    expect(isOperationName('startProbe')).toBe(true);
    expect(isOperationName('toString')).toBe(false);
    expect(isOperationName('__proto__')).toBe(false);
    expect(isOperationName(42)).toBe(false);
  });

  it('rejects extra fields (strict objects)', () => {
    expect(operationArgumentSchemas.getAppInfo.safeParse({}).success).toBe(true);
    expect(operationArgumentSchemas.getAppInfo.safeParse({ debug: true }).success).toBe(false);
    expect(operationArgumentSchemas.previewFix.safeParse({ stepIndex: 0, command: 'format c:' }).success).toBe(false);
  });

  it('rejects wrong types and out-of-range step numbers', () => {
    expect(operationArgumentSchemas.previewFix.safeParse({ stepIndex: '0' }).success).toBe(false);
    expect(operationArgumentSchemas.previewFix.safeParse({ stepIndex: -1 }).success).toBe(false);
    expect(operationArgumentSchemas.previewFix.safeParse({ stepIndex: 1.5 }).success).toBe(false);
    expect(operationArgumentSchemas.startProbe.safeParse({ sections: ['registry'] }).success).toBe(false);
    expect(operationArgumentSchemas.reboot.safeParse({ when: 'tomorrow' }).success).toBe(false);
  });

  it('needs explicit consent to change the machine', () => {
    expect(operationArgumentSchemas.applyFix.safeParse({ stepIndex: 0 }).success).toBe(false);
    expect(operationArgumentSchemas.applyFix.safeParse({ stepIndex: 0, consent: false }).success).toBe(false);
    expect(operationArgumentSchemas.applyFix.safeParse({ stepIndex: 0, consent: true }).success).toBe(true);
    expect(operationArgumentSchemas.undoFix.safeParse({ stepIndex: 0 }).success).toBe(false);
  });

  it('redacts exported reports unless told otherwise', () => {
    expect(operationArgumentSchemas.exportReport.parse({})).toEqual({ redact: true, pdf: true, destination: 'default' });
    expect(operationArgumentSchemas.exportReport.parse({ redact: false }).redact).toBe(false);
  });

  it('has stable error codes and event names', () => {
    expect(BRIDGE_ERROR_CODES).toContain('invalid-argument');
    expect(BRIDGE_ERROR_CODES).toContain('forbidden');
    expect(EVENT_NAMES).toEqual(['probe-progress', 'fix-progress']);
  });
});

describe('probe sections', () => {
  it("are the probe module's sections in its order, and the sections a fix may probe again", () => {
    expect([...PROBE_SECTIONS]).toEqual([...PROBE_MODULE_SECTIONS]);
    expectTypeOf<(typeof PROBE_SECTIONS)[number]>().toEqualTypeOf<ReprobeSection>();
  });
});

describe('bridge types', () => {
  it('gives argument-less operations an optional argument and others a required one', () => {
    expectTypeOf<AcsBridge['getAppInfo']>().toBeCallableWith();
    expectTypeOf<AcsBridge['exportReport']>().toBeCallableWith();
    // @ts-expect-error previewFix cannot be called without its step
    expectTypeOf<AcsBridge['previewFix']>().toBeCallableWith();
    expectTypeOf<Parameters<AcsBridge['applyFix']>>().toEqualTypeOf<[args: { stepIndex: number; consent: true }]>();
    expectTypeOf<ReturnType<AcsBridge['listPlan']>>().toEqualTypeOf<Promise<OperationResult<'listPlan'>>>();
  });
});
