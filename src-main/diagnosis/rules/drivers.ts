// Rule: kernel drivers that fail to load are not an ACS problem (issue 13, item 2). Since Windows 10
// 1607 kernel drivers must be signed by Microsoft through the Hardware Dev Center ("Kernel-Mode Code
// Signing Requirements"), and KB5022661 is about user-mode files, so neither the Windows update nor
// the root certificate this program installs makes a driver load. Evidence: Service Control Manager
// 7026 (boot/system-start drivers failed to load) and Code Integrity 3004/3033 on a `.sys` file.
import { finding, m, note, type MessageRef } from '../text.js';
import type { UpdateRequirement } from '../../catalogue/kb5022661.js';
import type { Snapshot } from '../../snapshot/schema.js';
import type { Evidence, Finding } from '../schema.js';
import { codeIntegrityFile, isDriverFile } from './code-integrity.js';
import { windowsBaseName } from './helpers.js';
import { CODE_INTEGRITY_FILE_FAILURE_IDS, isCodeIntegrityEvent, isScmEvent, SCM_DRIVER_FAILURE_ID } from './signature-evidence.js';

/** SHA-2 code signing support for Windows 7 SP1 / Server 2008 R2 SP1 / Server 2008 SP2. */
const SHA2_SUPPORT_KB = 'KB4474419';

export function checkDriverFailures(snapshot: Snapshot, requirement: UpdateRequirement | null): Finding[] {
  const drivers = new Set<string>();
  const evidence: Evidence[] = [];
  for (const [index, event] of (snapshot.events ?? []).entries()) {
    if (isScmEvent(event.provider) && event.id === SCM_DRIVER_FAILURE_ID) {
      // %1 is the list of drivers, one per line (some Windows versions add a leading line break).
      for (const name of event.data.join('\n').split(/[\r\n,]+/)) if (name.trim()) drivers.add(name.trim());
      evidence.push({ path: `events[${index}].data`, value: event.data, ...note(m('ev.driversFailed', { time: event.time })) });
    } else if (isCodeIntegrityEvent(event.provider, event.log) && CODE_INTEGRITY_FILE_FAILURE_IDS.has(event.id)) {
      const file = codeIntegrityFile(event);
      if (!file || !isDriverFile(file)) continue;
      drivers.add(windowsBaseName(file));
      evidence.push({ path: `events[${index}].data`, value: event.data, ...note(m('ev.ciDriver', { id: event.id, time: event.time, file: windowsBaseName(file) })) });
    }
  }
  if (drivers.size === 0) return [];

  const names = [...drivers];
  const olderWindows = requirement?.rule === 'rollup' && /^(win7|server-2008)/.test(requirement.key);
  const hasSha2 = (snapshot.hotfixes ?? []).some((hotfix) => hotfix.id.toUpperCase() === SHA2_SUPPORT_KB);
  let cause: MessageRef;
  if (olderWindows && snapshot.hotfixes && !hasSha2) {
    cause = m('driver.cause.sha2', { kb: SHA2_SUPPORT_KB });
    evidence.push({ path: 'hotfixes', value: snapshot.hotfixes.map((hotfix) => hotfix.id), ...note(m('ev.kbNotInstalled', { kb: SHA2_SUPPORT_KB })) });
  } else {
    cause = m('driver.cause.driver');
  }
  return [finding('driver-load-failure', 'warning', m('driver.title'), m('driver.explanation', { count: names.length, names: names.join(', '), cause }), evidence)];
}
