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
  officialDownload:
    'http://www.microsoft.com/pkiops/certs/Microsoft%20Identity%20Verification%20Root%20Certificate%20Authority%202020.crt',
  repositoryPage: 'https://www.microsoft.com/pkiops/docs/repository.htm',
} as const;

/** Physical stores that make a root trusted for the whole machine (the logical LocalMachine\Root view). */
export const TRUSTED_ROOT_STORES = ['Root', 'AuthRoot', 'GroupPolicy', 'Enterprise'] as const;

/** Where Windows downloads roots on demand unless RootDirURL points elsewhere. */
export const DEFAULT_ROOT_UPDATE_URL = 'http://ctldl.windowsupdate.com/msdownload/update/v3/static/trustedr/en/';
