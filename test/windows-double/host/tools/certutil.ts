// Simulated `certutil [-GroupPolicy|-enterprise] -store STORE`, localised as certutil prints it.
import type { SimulatedCommandHandler, SimulatedCommandOutput } from '../dispatcher.js';
import { commandName, hasArg } from '../dispatcher.js';
import type { SimulatedCertificate, SimulatedStoreName } from '../machine-state.js';
import type { SimulatedMachine } from '../machine.js';
import { CERTUTIL_LABELS, type CertutilLabels } from '../messages.js';
import { faultOutput } from './faults.js';

function certificateBlock(certificate: SimulatedCertificate, index: number, labels: CertutilLabels): string[] {
  const selfSigned = certificate.subject === certificate.issuer;
  return [
    `================ ${labels.certificate} ${index} ================`,
    `${labels.serial}: ${certificate.serialNumber.toLowerCase()}`,
    `${labels.issuer}: ${certificate.issuer}`,
    ` NotBefore: ${labels.formatDate(certificate.notBefore)}`,
    ` NotAfter: ${labels.formatDate(certificate.notAfter)}`,
    `${labels.subject}: ${certificate.subject}`,
    ...(selfSigned ? ['Signature matches Public Key', 'Root Certificate: Subject matches Issuer'] : []),
    `${labels.hash}: ${certificate.thumbprint.toLowerCase()}`,
    'No key provider information',
    'Cannot find the certificate and private key for decryption.',
    '',
  ];
}

/** Which certificates a store name shows: the logical Root view merges GroupPolicy and Enterprise roots. */
function storeContents(machine: SimulatedMachine, args: readonly string[], store: string): SimulatedCertificate[] | null {
  const stores = machine.state.certificateStores;
  const lower = store.toLowerCase();
  if (hasArg(args, '-GroupPolicy')) return lower === 'root' ? stores.GroupPolicy : [];
  if (hasArg(args, '-enterprise')) return lower === 'root' ? stores.Enterprise : [];
  const names: Record<string, SimulatedStoreName[]> = { root: ['Root', 'GroupPolicy', 'Enterprise'], authroot: ['AuthRoot'], disallowed: ['Disallowed'] };
  const selected = names[lower];
  return selected ? selected.flatMap((name) => stores[name]) : null;
}

export function certutilStore(machine: SimulatedMachine, args: readonly string[]): SimulatedCommandOutput {
  const storeIndex = args.findIndex((arg) => arg.toLowerCase() === '-store');
  const store = args[storeIndex + 1] ?? 'My';
  const labels = CERTUTIL_LABELS[machine.state.os.language];
  const fault = machine.faultFor('certificates', 'builtin-tools');
  if (fault?.kind === 'access-denied') {
    return {
      exitCode: -2147024891,
      stdout: `CertUtil: -store command FAILED: 0x80070005 (WIN32: 5 ERROR_ACCESS_DENIED)\r\nCertUtil: ${machine.state.os.language === 'de-DE' ? 'Zugriff verweigert' : 'Access is denied.'}\r\n`,
      durationMs: 60,
    };
  }
  const certificates = storeContents(machine, args, store);
  if (certificates === null) {
    return { exitCode: -2147024894, stdout: `CertUtil: -store command FAILED: 0x80070002 (WIN32: 2 ERROR_FILE_NOT_FOUND)\r\nCertUtil: The system cannot find the file specified.\r\n`, durationMs: 40 };
  }
  const lines = [store, ...certificates.flatMap((certificate, index) => certificateBlock(certificate, index, labels)), labels.success, ''];
  const output: SimulatedCommandOutput = { exitCode: 0, stdout: lines.join('\r\n'), durationMs: 60 + certificates.length * 2 };
  return fault ? faultOutput(fault, output) : output;
}

export const certutilHandler: SimulatedCommandHandler = {
  name: 'certutil -store',
  // Only the listing of a whole store; "-store Root THUMBPRINT" is the fixes' handler's.
  matches: (request) => {
    if (commandName(request.file) !== 'certutil') return false;
    const index = request.args.findIndex((arg) => arg.toLowerCase() === '-store');
    return index >= 0 && request.args.length === index + 2;
  },
  run: ({ request, machine }) => certutilStore(machine, request.args),
};
