// Checks a root certificate file against the pinned ACS root before anything imports it: both
// fingerprints must equal the pinned ones, the file must be a whole certificate, and it must be valid now.
import { X509Certificate } from 'node:crypto';
import { ACS_ROOT_CERTIFICATE } from '../catalogue/root-certificate.js';
import { assetPath } from '../paths.js';
import { localFiles, type FileAccess } from './files.js';
import { checked, said } from './texts.js';
import type { CheckResult } from './types.js';

export interface CertificateFileCheck {
  file: string;
  ok: boolean;
  checks: CheckResult[];
  sha1Thumbprint: string | null;
  sha256Fingerprint: string | null;
  subject: string | null;
  notAfter: string | null;
  sizeBytes: number | null;
}

/** The certificate shipped with the app (assets/certificates/...cer). */
export function bundledRootCertificatePath(): string {
  return assetPath(ACS_ROOT_CERTIFICATE.derFile);
}

function plainHex(fingerprint: string): string {
  return fingerprint.replace(/:/g, '').toUpperCase();
}

export async function checkRootCertificateFile(file: string, now: Date = new Date(), files: FileAccess = localFiles): Promise<CertificateFileCheck> {
  const result: CertificateFileCheck = { file, ok: false, checks: [], sha1Thumbprint: null, sha256Fingerprint: null, subject: null, notAfter: null, sizeBytes: null };
  let bytes: Buffer;
  try {
    bytes = await files.read(file);
    result.sizeBytes = bytes.length;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    result.checks.push(checked('file-readable', false, code === 'ENOENT' ? said('fix.cert.notFound', { file }) : said('fix.cert.unreadable', { code: code ?? 'error', file })));
    return result;
  }
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(bytes);
  } catch {
    result.checks.push(checked('file-is-certificate', false, said('fix.cert.notCertificate')));
    return result;
  }
  // The whole file is what certutil imports: it must be this one certificate and nothing else
  // (a second certificate or appended bytes would ride along unchecked).
  if (!holdsExactlyOneCertificate(bytes, certificate)) {
    result.checks.push(checked('file-is-certificate', false, said('fix.cert.notSingle')));
    return result;
  }
  const validFrom = new Date(certificate.validFrom);
  const validTo = new Date(certificate.validTo);
  if (Number.isNaN(validFrom.getTime()) || Number.isNaN(validTo.getTime())) {
    result.checks.push(checked('file-is-certificate', false, said('fix.cert.badDates')));
    return result;
  }
  result.checks.push(checked('file-is-certificate', true, said('fix.cert.complete')));
  result.sha1Thumbprint = plainHex(certificate.fingerprint);
  result.sha256Fingerprint = plainHex(certificate.fingerprint256);
  result.subject = certificate.subject.split('\n').reverse().join(', ');
  result.notAfter = validTo.toISOString();

  const sameName = certificate.subject.includes(`CN=${ACS_ROOT_CERTIFICATE.name}`);
  const sha1Ok = result.sha1Thumbprint === ACS_ROOT_CERTIFICATE.sha1Thumbprint;
  const sha256Ok = result.sha256Fingerprint === ACS_ROOT_CERTIFICATE.sha256Fingerprint;
  result.checks.push(
    checked(
      'sha1-pinned',
      sha1Ok,
      sha1Ok
        ? said('fix.cert.sha1Pinned', { thumbprint: result.sha1Thumbprint })
        : said('fix.cert.sha1Other', { thumbprint: result.sha1Thumbprint, pinned: ACS_ROOT_CERTIFICATE.sha1Thumbprint, lookalike: sameName }),
    ),
  );
  result.checks.push(
    checked(
      'sha256-pinned',
      sha256Ok,
      sha256Ok ? said('fix.cert.sha256Pinned') : said('fix.cert.sha256Other', { fingerprint: result.sha256Fingerprint, pinned: ACS_ROOT_CERTIFICATE.sha256Fingerprint }),
    ),
  );
  const current = now >= validFrom && now <= validTo;
  result.checks.push(
    checked(
      'valid-now',
      current,
      current
        ? said('fix.cert.validUntil', { date: result.notAfter.slice(0, 10) })
        : said('fix.cert.notValidNow', { from: validFrom.toISOString().slice(0, 10), to: validTo.toISOString().slice(0, 10) }),
    ),
  );
  result.ok = result.checks.every((check) => check.passed);
  return result;
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/g;

/** DER: the file is exactly the certificate's bytes. PEM: exactly one block, only white space around it. */
function holdsExactlyOneCertificate(bytes: Buffer, certificate: X509Certificate): boolean {
  if (bytes.equals(certificate.raw)) return true;
  const text = bytes.toString('latin1');
  const blocks = [...text.matchAll(PEM_BLOCK)];
  if (blocks.length !== 1) return false;
  const outside = text.replace(PEM_BLOCK, '');
  if (outside.trim() !== '') return false;
  return Buffer.from(blocks[0]![1]!.replace(/\s+/g, ''), 'base64').equals(certificate.raw);
}
