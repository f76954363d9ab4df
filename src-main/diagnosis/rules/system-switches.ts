// Rule: warn about risky workarounds people try for signature failures (test signing, integrity checks
// off), and about snapshot sections the collector could not read.
import { finding, m } from '../text.js';
import type { Snapshot } from '../../snapshot/schema.js';
import type { Finding } from '../schema.js';

export function checkBootConfiguration(snapshot: Snapshot): Finding[] {
  const boot = snapshot.bootConfiguration;
  const findings: Finding[] = [];
  if (boot?.testSigning === true) {
    findings.push(finding('test-signing-enabled', 'warning', m('boot.testSigning.title'), m('boot.testSigning.explanation'), [{ path: 'bootConfiguration.testSigning', value: true }]));
  }
  if (boot?.noIntegrityChecks === true) {
    findings.push(finding('integrity-checks-disabled', 'warning', m('boot.noIntegrity.title'), m('boot.noIntegrity.explanation'), [{ path: 'bootConfiguration.noIntegrityChecks', value: true }]));
  }
  return findings;
}

export function checkCollectionErrors(snapshot: Snapshot): Finding[] {
  const errors = snapshot.errors ?? [];
  if (errors.length === 0) return [];
  return [
    finding(
      'collection-errors',
      errors.every((error) => /^skipped/i.test(error.message)) ? 'info' : 'warning',
      m('collection.title', { count: errors.length }),
      // The collector's own messages are quoted as they were recorded.
      m('collection.explanation', { errors: errors.map((error) => `${error.section} (${error.message})`) }),
      errors.map((error, index) => ({ path: `errors[${index}]`, value: error })),
    ),
  ];
}
