// The certificate chain of a simulated signed file, one definition for the TypeScript host (the snapshot
// it reports) and the PowerShell double (what Get-AuthenticodeSignature and X509Chain return). The
// intermediates and roots are the real ones (thumbprints from the catalogue and Microsoft's pages); the
// leaf certificates are made up for the simulation (their thumbprint is derived from the signer and file).
import { createHash } from 'node:crypto';
import { ACS_INTERMEDIATES, ACS_ROOT_CERTIFICATE } from '#product/catalogue/root-certificate.js';
import type { LocalFile, SimulatedBinary } from './machine-state.js';

export interface ChainCertificate {
  thumbprint: string;
  subject: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  serialNumber: string;
}

const thumbprintOf = (name: string) => ACS_INTERMEDIATES.find((entry) => entry.name === name)?.sha1Thumbprint ?? '';
const EOC_CA_01 = 'CN=Microsoft ID Verified CS EOC CA 01, O=Microsoft Corporation, C=US';
const PCA_2021 = 'CN=Microsoft ID Verified Code Signing PCA 2021, O=Microsoft Corporation, C=US';
const DIGICERT_CS_CA = 'CN=DigiCert SHA2 Assured ID Code Signing CA, OU=www.digicert.com, O=DigiCert Inc, C=US';
const DIGICERT_ROOT = 'CN=DigiCert Assured ID Root CA, OU=www.digicert.com, O=DigiCert Inc, C=US';
const MS_PCA_2011 = 'CN=Microsoft Windows Production PCA 2011, O=Microsoft Corporation, L=Redmond, S=Washington, C=US';
const MS_ROOT_2010 = 'CN=Microsoft Root Certificate Authority 2010, O=Microsoft Corporation, L=Redmond, S=Washington, C=US';

function leaf(subject: string, issuer: string, seed: string): ChainCertificate {
  const thumbprint = createHash('sha1').update(`simulated leaf|${subject}|${seed}`).digest('hex').toUpperCase();
  return { thumbprint, subject, issuer, notBefore: '2024-01-01T00:00:00Z', notAfter: '2027-01-01T00:00:00Z', serialNumber: thumbprint.slice(0, 32) };
}

const ACS_ROOT: ChainCertificate = {
  thumbprint: ACS_ROOT_CERTIFICATE.sha1Thumbprint,
  subject: ACS_ROOT_CERTIFICATE.subject,
  issuer: ACS_ROOT_CERTIFICATE.subject,
  notBefore: ACS_ROOT_CERTIFICATE.notBefore,
  notAfter: ACS_ROOT_CERTIFICATE.notAfter,
  serialNumber: ACS_ROOT_CERTIFICATE.serialNumber,
};
const INTERMEDIATE_EOC_01: ChainCertificate = {
  thumbprint: thumbprintOf('Microsoft ID Verified CS EOC CA 01'),
  subject: EOC_CA_01,
  issuer: PCA_2021,
  notBefore: '2021-04-13T17:31:52Z',
  notAfter: '2026-04-13T17:31:52Z',
  serialNumber: '330000000480D4E6FE7E52F4D5000000000004',
};
const INTERMEDIATE_PCA_2021: ChainCertificate = {
  thumbprint: thumbprintOf('Microsoft ID Verified Code Signing PCA 2021'),
  subject: PCA_2021,
  issuer: ACS_ROOT_CERTIFICATE.subject,
  notBefore: '2021-04-01T20:05:20Z',
  notAfter: '2036-04-01T20:15:20Z',
  serialNumber: '330000000217F6A6B9D5E8A4C2000000000002',
};
const DIGICERT_CODE_SIGNING_CA: ChainCertificate = {
  thumbprint: '92C1588E85AF2201CE7915E8538B492F605B80C6',
  subject: DIGICERT_CS_CA,
  issuer: DIGICERT_ROOT,
  notBefore: '2013-10-22T12:00:00Z',
  notAfter: '2028-10-22T12:00:00Z',
  serialNumber: '0409181B5FD5BB66755343B56F955008',
};
const DIGICERT_ASSURED_ID_ROOT: ChainCertificate = {
  thumbprint: '0563B8630D62D75ABBC8AB1E4BDFB5A899B24D43',
  subject: DIGICERT_ROOT,
  issuer: DIGICERT_ROOT,
  notBefore: '2006-11-10T00:00:00Z',
  notAfter: '2031-11-10T00:00:00Z',
  serialNumber: '0CE7E0E517D846FE8FE560FC1BF03039',
};
const MICROSOFT_PCA_2011: ChainCertificate = {
  thumbprint: '580A6F4CC4E4B669B9EBDC1B2B3E087B80D0678D',
  subject: MS_PCA_2011,
  issuer: MS_ROOT_2010,
  notBefore: '2011-10-19T18:41:42Z',
  notAfter: '2026-10-19T18:51:42Z',
  serialNumber: '61077656000000000008',
};
const MICROSOFT_ROOT_2010: ChainCertificate = {
  thumbprint: '3B1EFD3A66EA28B16697394703A72CA340A05BD5',
  subject: MS_ROOT_2010,
  issuer: MS_ROOT_2010,
  notBefore: '2010-06-23T21:57:24Z',
  notAfter: '2035-06-23T22:04:01Z',
  serialNumber: '28CC3A25BFBA44AC449A9B586B4339AA',
};

/**
 * The chain Windows builds for a simulated agent binary, leaf first (empty when unsigned). ACS-signed
 * files carry the intermediates and the root in their signature block, so the chain ends at the ACS
 * root even where Windows does not trust it yet (then the status is NotTrusted).
 */
export function binaryChain(binary: SimulatedBinary): ChainCertificate[] {
  if (binary.signing === 'unsigned') return [];
  const signer = binary.signerSubject ?? 'CN=Unknown publisher';
  if (binary.signing === 'acs') return [leaf(signer, EOC_CA_01, binary.path.toLowerCase()), INTERMEDIATE_EOC_01, INTERMEDIATE_PCA_2021, ACS_ROOT];
  return [leaf(signer, DIGICERT_CS_CA, binary.path.toLowerCase()), DIGICERT_CODE_SIGNING_CA, DIGICERT_ASSURED_ID_ROOT];
}

/** A self-signed root of a publisher that is not Microsoft (any signer without O=Microsoft Corporation). */
const LOOKALIKE_ROOT: ChainCertificate = {
  thumbprint: '0E5B1D9F3A7C2E4B6D8F0A1C3E5B7D9F1A3C5E7B',
  subject: 'CN=Evil Ltd Root CA, O=Evil Ltd',
  issuer: 'CN=Evil Ltd Root CA, O=Evil Ltd',
  notBefore: '2024-01-01T00:00:00Z',
  notAfter: '2034-01-01T00:00:00Z',
  serialNumber: '0A',
};

/**
 * The chain of an update package. Windows builds the chain to the issuer that really signed:
 * Microsoft's (Windows Production PCA 2011) only when the signer's own O= is Microsoft Corporation (a
 * quoted OU that merely contains the text is someone else's).
 */
export function packageChain(file: Extract<LocalFile, { kind: 'msu' | 'cab' }>): ChainCertificate[] {
  if (distinguishedNameValue(file.signer, 'O') === 'Microsoft Corporation') return [leaf(file.signer, MS_PCA_2011, file.path.toLowerCase()), MICROSOFT_PCA_2011, MICROSOFT_ROOT_2010];
  return [leaf(file.signer, LOOKALIKE_ROOT.subject, file.path.toLowerCase()), LOOKALIKE_ROOT];
}

/** The value of one attribute of an X.500 name as Windows prints it (RFC 4514 quoting: "…" and \,). */
export function distinguishedNameValue(name: string, attribute: string): string | null {
  let i = 0;
  while (i < name.length) {
    while (name[i] === ' ') i++;
    const eq = name.indexOf('=', i);
    if (eq < 0) return null;
    const key = name.slice(i, eq).trim();
    let value = '';
    i = eq + 1;
    if (name[i] === '"') {
      i++;
      while (i < name.length && name[i] !== '"') value += name[i++];
      i++;
      while (i < name.length && name[i] !== ',') i++;
    } else {
      while (i < name.length && name[i] !== ',') {
        if (name[i] === '\\' && i + 1 < name.length) i++;
        value += name[i++];
      }
    }
    i++;
    if (key.toUpperCase() === attribute.toUpperCase()) return value.trim();
  }
  return null;
}
