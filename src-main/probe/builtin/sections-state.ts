// Fallback sections about the machine's state: pending restart markers, boot switches, elevation.
import { parseWhoamiElevated } from './parse-misc.js';
import { findRegistryValue, normaliseKeyPath, parseRegQuery, registryMultiString, registryNumber, subkeyNames } from './parse-reg.js';
import type { SectionResult } from './sections.js';
import { regNotFound, runTool, toolFailure, type ToolContext } from './tools.js';

export const CBS_KEY = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing';
export const WU_AUTO_UPDATE_KEY = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update';
export const SESSION_MANAGER_KEY = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager';
export const COMPUTER_NAME_KEY = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\ComputerName';
export const CONTROL_KEY = 'HKLM\\SYSTEM\\CurrentControlSet\\Control';

export async function readPendingReboot(context: ToolContext): Promise<SectionResult> {
  const queries = [[CBS_KEY], [WU_AUTO_UPDATE_KEY], [SESSION_MANAGER_KEY, '/v', 'PendingFileRenameOperations'], [COMPUTER_NAME_KEY, '/s'], [`${CBS_KEY}\\Packages`, '/s', '/v', 'CurrentState']];
  const results = await Promise.all(queries.map((args) => runTool(context, 'reg.exe', ['query', ...args])));
  const errors: string[] = [];
  const reasons: string[] = [];
  const keysOf = (index: number) => {
    const result = results[index]!;
    if (regNotFound(result)) return [];
    const failure = toolFailure(result, `reg query ${queries[index]!.join(' ')}`);
    if (failure) {
      errors.push(failure);
      return null;
    }
    const keys = parseRegQuery(result.stdout);
    if (!keys.some((key) => normaliseKeyPath(key.path) === normaliseKeyPath(queries[index]![0]!))) {
      errors.push(`reg query ${queries[index]!.join(' ')}: unreadable output`);
      return null;
    }
    return keys;
  };
  const cbs = keysOf(0);
  if (cbs) {
    const subkeys = subkeyNames(cbs, CBS_KEY).map((name) => name.toLowerCase());
    if (subkeys.includes('rebootpending')) reasons.push('ComponentBasedServicing.RebootPending');
    if (subkeys.includes('packagespending')) reasons.push('ComponentBasedServicing.PackagesPending');
  }
  const wu = keysOf(1);
  if (wu && subkeyNames(wu, WU_AUTO_UPDATE_KEY).some((name) => name.toLowerCase() === 'rebootrequired')) reasons.push('WindowsUpdate.RebootRequired');
  const session = keysOf(2);
  if (session && registryMultiString(findRegistryValue(session, SESSION_MANAGER_KEY, 'PendingFileRenameOperations')).length > 0) reasons.push('PendingFileRenameOperations');
  const names = keysOf(3);
  if (names) {
    const active = findRegistryValue(names, `${COMPUTER_NAME_KEY}\\ActiveComputerName`, 'ComputerName')?.data;
    const next = findRegistryValue(names, `${COMPUTER_NAME_KEY}\\ComputerName`, 'ComputerName')?.data;
    if (active && next && active.toLowerCase() !== next.toLowerCase()) reasons.push('ComputerRenamePending');
  }
  // Cumulative-update packages ("Package_for_RollupFix~…~19041.1586.1.7") with their CurrentState, as
  // collect.ps1 reads them; null when reg could not list them.
  // (The Packages key itself has no CurrentState, so reg lists only the packages below it.)
  const packagesResult = results[4]!;
  const packagesFailure = regNotFound(packagesResult) ? null : toolFailure(packagesResult, `reg query ${queries[4]!.join(' ')}`);
  if (packagesFailure) errors.push(packagesFailure);
  const packages = packagesFailure ? null : regNotFound(packagesResult) ? [] : parseRegQuery(packagesResult.stdout);
  let rollupFixPackages: { name: string; currentState: number | null }[] | null = null;
  if (packages) {
    rollupFixPackages = packages
      .map((key) => ({ name: key.path.split('\\').pop() ?? '', key }))
      .filter((entry) => /^Package_for_RollupFix~/i.test(entry.name))
      .map((entry) => ({ name: entry.name, currentState: registryNumber(entry.key.values.find((value) => value.name.toLowerCase() === 'currentstate')) }))
      .sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()))
      .slice(0, 32);
  }
  if (errors.length === queries.length) return { value: null, errors };
  return { value: { required: reasons.length > 0 ? true : errors.length > 0 ? null : false, reasons, rollupFixPackages }, errors };
}

export async function readBootConfiguration(context: ToolContext): Promise<SectionResult> {
  const result = await runTool(context, 'reg.exe', ['query', CONTROL_KEY, '/v', 'SystemStartOptions']);
  if (regNotFound(result)) return { value: { testSigning: null, noIntegrityChecks: null }, errors: ['SystemStartOptions is not in the registry'] };
  const failure = toolFailure(result, 'reg query SystemStartOptions');
  if (failure) return { value: null, errors: [failure] };
  const options = findRegistryValue(parseRegQuery(result.stdout), CONTROL_KEY, 'SystemStartOptions');
  if (!options) return { value: null, errors: ['reg query SystemStartOptions: unreadable output'] };
  return { value: { testSigning: /\bTESTSIGNING\b/i.test(options.data), noIntegrityChecks: /\bDISABLE_INTEGRITY_CHECKS\b/i.test(options.data) }, errors: [] };
}

/** Is the collecting process elevated? null when whoami could not tell. */
export async function readElevated(context: ToolContext): Promise<boolean | null> {
  const result = await runTool(context, 'whoami.exe', ['/groups', '/fo', 'csv', '/nh']);
  if (toolFailure(result, 'whoami')) return null;
  return parseWhoamiElevated(result.stdout);
}
