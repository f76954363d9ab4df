// The one root certificate ACS-signed binaries chain to, pinned by its fingerprints. The certificate
// itself ships in assets/certificates/ (DER .cer and PEM), checked against these values in tests.

export const ACS_ROOT_CERTIFICATE = {
  name: 'Microsoft Identity Verification Root Certificate Authority 2020',
  subject: 'CN=Microsoft Identity Verification Root Certificate Authority 2020, O=Microsoft Corporation, C=US',
  /** SHA-1 thumbprint: how Windows names the certificate in its stores. */
  sha1Thumbprint: 'F40042E2E5F7E8EF8189FED15519AECE42C3BFA2',
  sha256Fingerprint: '5367F20C7ADE0E2BCA790915056D086B720C33C1FA2A2661ACF787E3292E1270',
  serialNumber: '5498D2D1D45B1995481379C811C08799',
  notBefore: '2020-04-16T18:36:16Z',
  notAfter: '2045-04-16T18:44:40Z',
  /** Relative to assets/. */
  derFile: 'certificates/microsoft-identity-verification-root-2020.cer',
  pemFile: 'certificates/microsoft-identity-verification-root-2020.pem',
  /** Microsoft's PKI repository (the certificate's own AIA location), for people who want to compare. */
  officialDownload: 'http://www.microsoft.com/pkiops/certs/Microsoft%20Identity%20Verification%20Root%20Certificate%20Authority%202020.crt',
  repositoryPage: 'https://www.microsoft.com/pkiops/docs/repository.htm',
} as const;

/** Physical stores that make a root trusted for the whole machine (the logical LocalMachine\Root view). */
export const TRUSTED_ROOT_STORES = ['Root', 'AuthRoot', 'GroupPolicy', 'Enterprise'] as const;

/** Where Windows downloads roots on demand unless RootDirURL points elsewhere. */
export const DEFAULT_ROOT_UPDATE_URL = 'http://ctldl.windowsupdate.com/msdownload/update/v3/static/trustedr/en/';

/**
 * The intermediates of Trusted Signing (ACS) chains, under the root above: leaf -> "Microsoft ID
 * Verified CS AOC/EOC CA nn" -> "Microsoft ID Verified Code Signing PCA 2021" -> root. SHA-1
 * thumbprints of the verified copies in docs/reference/ (ACS-FACTS §3.3; checked with openssl).
 * Intermediates rotate (AOC CA 03, EOC CA 03/04 exist and are not listed), so the issuer name is
 * matched too; these are for recognising an ACS chain, never pinned or installed.
 */
export const ACS_INTERMEDIATES: readonly { name: string; sha1Thumbprint: string }[] = [
  { name: 'Microsoft ID Verified Code Signing PCA 2021', sha1Thumbprint: '8E750F459DAF9A79D6370DB747AD2226866AD818' },
  { name: 'Microsoft ID Verified CS AOC CA 01', sha1Thumbprint: 'D7B1118AFBB879D9F2F8E98B9AC12F9367FACE88' },
  { name: 'Microsoft ID Verified CS AOC CA 02', sha1Thumbprint: '7BEE5EE49C8AC13A21A202BBC266A5547CD0265D' },
  { name: 'Microsoft ID Verified CS AOC CA 04', sha1Thumbprint: '4C07413E5DA89A259A127E1D76F792AF239CD9D9' },
  { name: 'Microsoft ID Verified CS EOC CA 01', sha1Thumbprint: '01D7DAE83698CDF2F78096DB8B8FD5B39C689B55' },
  { name: 'Microsoft ID Verified CS EOC CA 02', sha1Thumbprint: '8BC0201379A2A31BA36EDD20223865C194A02174' },
];

/** An issuer name of an ACS leaf certificate ("CN=Microsoft ID Verified CS EOC CA 02, O=…"). */
export const ACS_ISSUER_PATTERN = /Microsoft ID Verified (CS (AOC|EOC) CA|Code Signing PCA)/i;
