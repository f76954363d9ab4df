// Rule: warn about risky workarounds people try for signature failures (test signing, integrity checks
// off), and about snapshot sections the collector could not read.
import type { Snapshot } from '../../snapshot/schema.js';
import type { Finding } from '../schema.js';

export function checkBootConfiguration(snapshot: Snapshot): Finding[] {
  const boot = snapshot.bootConfiguration;
  const findings: Finding[] = [];
  if (boot?.testSigning === true) {
    findings.push({
      id: 'test-signing-enabled',
      severity: 'warning',
      title: 'Windows runs in test-signing mode',
      explanation:
        'Test signing ("bcdedit /set testsigning on") lets Windows load programs signed with any test certificate. It does not fix ACS trust, weakens the computer\'s protection and can stop security software from working. Turn it off ("bcdedit /set testsigning off") and restart once the real fix is in place.',
      evidence: [{ path: 'bootConfiguration.testSigning', value: true }],
    });
  }
  if (boot?.noIntegrityChecks === true) {
    findings.push({
      id: 'integrity-checks-disabled',
      severity: 'warning',
      title: 'Windows signature checks are turned off',
      explanation:
        'Integrity checks are disabled ("bcdedit /set nointegritychecks on"). That is a risky workaround: it hides the real problem and lets unsigned code load. Turn it off ("bcdedit /set nointegritychecks off") and restart once the real fix is in place.',
      evidence: [{ path: 'bootConfiguration.noIntegrityChecks', value: true }],
    });
  }
  return findings;
}

export function checkCollectionErrors(snapshot: Snapshot): Finding[] {
  const errors = snapshot.errors ?? [];
  if (errors.length === 0) return [];
  return [
    {
      id: 'collection-errors',
      severity: errors.every((error) => /^skipped/i.test(error.message)) ? 'info' : 'warning',
      title: `${errors.length} part${errors.length === 1 ? '' : 's'} of this computer could not be checked`,
      explanation: `The collector could not read: ${errors.map((error) => `${error.section} (${error.message})`).join('; ')}. Conclusions that depend on them say so.`,
      evidence: errors.map((error, index) => ({ path: `errors[${index}]`, value: error })),
    },
  ];
}
