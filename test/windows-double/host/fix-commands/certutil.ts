// Simulated certutil -store / -addstore / -delstore on LocalMachine\Root, with the state change and the
// HRESULT exit codes certutil returns (as signed 32-bit numbers, the way Node reports them).
// Simulated assumptions (not verified on Windows): -store Root searches the logical Root view
// (Root, AuthRoot, GroupPolicy, Enterprise); -addstore and -delstore act on the Root physical store.
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { TRUSTED_ROOT_STORES } from '#product/catalogue/root-certificate.js';
import { commandName, hasArg, type SimulatedCommandHandler, type SimulatedCommandOutput } from '../dispatcher.js';
import type { SimulatedCertificate } from '../machine-state.js';
import type { SimulatedMachine } from '../machine.js';
import { findLocalFile, runsElevated } from './state.js';

const ROOT_HEADER = 'Root "Trusted Root Certification Authorities"';
const signed = (code: number) => code | 0;

function failed(verb: string, code: number, name: string, text: string): SimulatedCommandOutput {
  return {
    exitCode: signed(code),
    stdout: `${verb === '-store' ? '' : `${ROOT_HEADER}\r\n`}CertUtil: ${verb} command FAILED: 0x${code.toString(16)} (${signed(code)} ${name})\r\nCertUtil: ${text}\r\n`,
  };
}

const accessDenied = (verb: string) => failed(verb, 0x80070005, 'WIN32: 5 ERROR_ACCESS_DENIED', 'Access is denied.');

function dnFromX509(subject: string): string {
  return subject.split('\n').reverse().join(', ');
}

async function certificateFromFile(machine: SimulatedMachine, path: string): Promise<SimulatedCertificate | 'missing' | 'damaged'> {
  const local = findLocalFile(machine, path);
  if (local) return local.kind === 'cer' ? local.certificate : 'damaged';
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return 'missing';
  }
  try {
    const cert = new X509Certificate(bytes);
    return {
      thumbprint: cert.fingerprint.replace(/:/g, '').toUpperCase(),
      subject: dnFromX509(cert.subject),
      issuer: dnFromX509(cert.issuer),
      notBefore: new Date(cert.validFrom).toISOString().replace('.000Z', 'Z'),
      notAfter: new Date(cert.validTo).toISOString().replace('.000Z', 'Z'),
      serialNumber: cert.serialNumber.toUpperCase(),
    };
  } catch {
    return 'damaged';
  }
}

function commonName(subject: string): string {
  return /CN=([^,]+)/.exec(subject)?.[1] ?? subject;
}

function storeListing(cert: SimulatedCertificate): string {
  return [
    ROOT_HEADER,
    '================ Certificate 0 ================',
    `Serial Number: ${cert.serialNumber.toLowerCase()}`,
    `Issuer: ${cert.issuer}`,
    ` NotBefore: ${cert.notBefore}`,
    ` NotAfter: ${cert.notAfter}`,
    `Subject: ${cert.subject}`,
    `Cert Hash(sha1): ${cert.thumbprint.toLowerCase()}`,
  ].join('\r\n');
}

/** The verb and its operands, with -f (force) and other leading options set aside. */
function parse(args: readonly string[]): { verb: string; operands: string[] } | null {
  const index = args.findIndex((arg) => ['-store', '-addstore', '-delstore'].includes(arg.toLowerCase()));
  if (index < 0) return null;
  return { verb: args[index]!.toLowerCase(), operands: args.slice(index + 1) };
}

export const certutilHandler: SimulatedCommandHandler = {
  name: 'certutil -store/-addstore/-delstore Root',
  matches: (request) => {
    if (commandName(request.file) !== 'certutil') return false;
    const parsed = parse(request.args);
    if (!parsed || parsed.operands[0]?.toLowerCase() !== 'root') return false;
    // -store Root without a thumbprint is the probe's listing; this handler answers the one-certificate forms.
    return parsed.verb !== '-store' || /^[0-9a-f]{40}$/i.test(parsed.operands[1] ?? '');
  },
  async run({ request, machine }) {
    const { verb, operands } = parse(request.args)!;
    const operand = operands[1] ?? '';
    if (verb === '-store') {
      const thumbprint = operand.toUpperCase();
      const store = TRUSTED_ROOT_STORES.find((name) => machine.storeHolds(name, thumbprint));
      if (!store) return failed('-store', 0x80092004, 'CRYPT_E_NOT_FOUND', 'Cannot find object or property.');
      const cert = machine.state.certificateStores[store].find((entry) => entry.thumbprint === thumbprint)!;
      return { exitCode: 0, stdout: `${storeListing(cert)}\r\nCertUtil: -store command completed successfully.\r\n` };
    }
    if (!runsElevated(request, machine)) return accessDenied(verb);
    if (verb === '-delstore') {
      const thumbprint = operand.toUpperCase();
      const cert = machine.state.certificateStores.Root.find((entry) => entry.thumbprint === thumbprint);
      if (!cert || !machine.removeCertificate('Root', thumbprint)) return failed('-delstore', 0x80092004, 'CRYPT_E_NOT_FOUND', 'Cannot find object or property.');
      return { exitCode: 0, stdout: `${storeListing(cert)}\r\nDeleting Certificate 0\r\nCertUtil: -delstore command completed successfully.\r\n` };
    }
    const cert = await certificateFromFile(machine, operand);
    if (cert === 'missing') return failed('-addstore', 0x80070002, 'WIN32: 2 ERROR_FILE_NOT_FOUND', 'The system cannot find the file specified.');
    if (cert === 'damaged') return failed('-addstore', 0x80093102, 'ASN: 258 CRYPT_E_ASN1_BADTAG', 'ASN1 bad tag value met.');
    const existed = machine.storeHolds('Root', cert.thumbprint);
    if (existed && !hasArg(request.args, '-f'))
      return { exitCode: 0, stdout: `${ROOT_HEADER}\r\nCertificate "${commonName(cert.subject)}" already in store.\r\nCertUtil: -addstore command completed successfully.\r\n` };
    machine.addCertificate('Root', cert);
    return {
      exitCode: 0,
      stdout: `${ROOT_HEADER}\r\nSignature matches Public Key\r\nCertificate "${commonName(cert.subject)}" added to store.\r\nCertUtil: -addstore command completed successfully.\r\n`,
    };
  },
};
