import { describe, expect, it } from 'vitest';
import { CERTUTIL_CODES, SERVICE_CODES, SHUTDOWN_CODES, UPDATE_INSTALL_CODES, describeCode, describeProgramCode, explainCode, formatCode } from '../../../src-main/fixes/exit-codes.js';

describe('exit codes in plain words', () => {
  it.each([
    [0, 'success', /installed/],
    [3010, 'reboot-required', /restart/],
    [2359302, 'already-done', /already installed/],
    [0x240006, 'already-done', /already installed/],
    [-2145124329, 'not-applicable', /does not apply/],
    [0x80240017, 'not-applicable', /prerequisite/],
    [-2146498530, 'not-applicable', /CBS_E_NOT_APPLICABLE/],
    [1618, 'busy', /Another installation/],
    [5, 'access-denied', /administrator/],
    [1223, 'declined', /declined/],
  ] as const)('update installer code %s is %s', (code, outcome, words) => {
    const meaning = explainCode(UPDATE_INSTALL_CODES, code);
    expect(meaning.outcome).toBe(outcome);
    expect(meaning.words).toMatch(words);
  });

  it('shows unknown codes as hex and decimal (both signed and unsigned for HRESULTs)', () => {
    expect(explainCode(UPDATE_INSTALL_CODES, 0x80070bc9).words).toBe('Unexpected exit code 0x80070BC9 (2147945417 / -2147021879).');
    expect(explainCode(UPDATE_INSTALL_CODES, 1234).words).toBe('Unexpected exit code 0x4D2 (1234).');
    expect(formatCode(-2145124329)).toBe('0x80240017 (2149842967 / -2145124329)');
    expect(formatCode(2359302)).toBe('0x00240006 (2359302)');
  });

  it('treats a command that never exited as a failure', () => {
    expect(explainCode(SERVICE_CODES, null).outcome).toBe('failure');
    expect(describeCode(SERVICE_CODES, null)).toMatch(/did not finish/);
  });

  it('maps service, certutil and shutdown codes', () => {
    expect(explainCode(SERVICE_CODES, 577).words).toMatch(/digital signature/);
    expect(explainCode(SERVICE_CODES, 1056).outcome).toBe('already-done');
    expect(explainCode(CERTUTIL_CODES, -2147024891).outcome).toBe('access-denied');
    expect(explainCode(CERTUTIL_CODES, -2146885628).words).toMatch(/not found in the store/);
    expect(explainCode(SHUTDOWN_CODES, 1190).outcome).toBe('busy');
  });

  it('picks the table by program name', () => {
    expect(describeProgramCode('C:\\Windows\\System32\\wusa.exe', 3010)).toMatch(/restart.*3010/);
    expect(describeProgramCode('DISM.EXE', -2146498530)).toMatch(/0x800F081E/);
    expect(describeProgramCode('whoami.exe', 0)).toBe('Finished successfully.');
  });
});
