import { describe, expect, it } from 'vitest';
import { isPlainLocalPath } from '../../../src-main/fixes/windows-update.js';

// The elevated helper (assets/fixes/acs-fix-helper.ps1, Test-LocalPackagePath) installs only from such a
// path; the app refuses the others before the person approves (test/integration/fixes/windows-update.test.ts).
describe('which update-file paths the helper will take', () => {
  it.each([
    ['E:\\Updates\\windows10.0-kb5011487-x64.msu', true],
    ["E:\\Tech's Fixes & More; 100% `done` ünï\\[1] (x64)\\x.cab", true],
    ['E:\\..x\\y.msu', true],
    ['E:\\Updates\\old\\..\\x.msu', false],
    ['E:\\Updates\\.\\x.msu', false],
    ['\\\\server\\share\\x.msu', false],
    ['\\\\?\\E:\\x.msu', false],
    ['E:\\quote"d\\x.msu', false],
    ['E:\\a|b\\x.msu', false],
    ['E:\\x.msu:stream', false],
    ['relative\\x.msu', false],
    ['/home/tech/x.msu', false],
  ])('%s on Windows: %s', (path, plain) => {
    expect(isPlainLocalPath(path, 'win32')).toBe(plain);
  });

  it('off Windows an absolute POSIX path passes (the simulated host and tests with real files)', () => {
    expect(isPlainLocalPath('/home/tech/x.msu', 'linux')).toBe(true);
    expect(isPlainLocalPath('E:\\a\\..\\x.msu', 'linux')).toBe(false);
  });
});
