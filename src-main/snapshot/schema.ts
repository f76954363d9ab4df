// The `acs-snapshot` version 1 format: one machine's state, validated with zod at every entry.
// Field names here are a public contract (helpdesk staff and fleet scripts read and write them):
// add fields freely, never rename one. docs/snapshot.md describes every field.
import { z } from 'zod';

export const SNAPSHOT_FORMAT = 'acs-snapshot';
export const SNAPSHOT_VERSION = 1;

/** ISO-8601 date and time with a zone (`Z` or an offset). */
const isoDateTime = z.iso.datetime({ offset: true, local: false });

/** Certificate thumbprint (SHA-1) as Windows shows it: 40 upper-case hexadecimal digits. */
export const thumbprintSchema = z.string().regex(/^[0-9A-F]{40}$/, 'must be 40 upper-case hexadecimal digits (a SHA-1 thumbprint)');

export const kbIdSchema = z.string().regex(/^KB\d{6,7}$/, 'must look like "KB5006743"');

export const collectorSchema = z.object({
  name: z.string().min(1),
  version: z.string().min(1),
  elevated: z.boolean(),
  /** How the facts were gathered: the one PowerShell pass, built-in tools on a locked-down
   * machine, portable facts on a non-Windows host, a simulated host, or written by hand. */
  method: z.enum(['powershell', 'builtin-tools', 'portable', 'simulated', 'manual']).optional(),
  /** The simulated machine profile, when method is "simulated". */
  profile: z.string().optional(),
  durationMs: z.number().nonnegative().optional(),
});

export const hostSchema = z.object({
  computerName: z.string(),
  domain: z.string().nullable(),
  /** A stable identity of the Windows installation: "sha256:" and the SHA-256 (hex) of the lower-cased
   * MachineGuid (HKLM\SOFTWARE\Microsoft\Cryptography). Never the GUID itself; replaced by MACHINE-n in
   * redacted reports. The fleet summary keys machines by it. Absent in older snapshots. */
  machineId: z.string().min(1).max(100).optional(),
});

export const installationTypeSchema = z.enum(['Client', 'Server', 'Server Core']);
export const architectureSchema = z.enum(['x64', 'x86', 'arm64']);

export const windowsOsSchema = z.object({
  /** Absent in files written before this field existed: then the host is Windows. */
  platform: z.literal('windows').optional(),
  productName: z.string(),
  editionId: z.string(),
  installationType: installationTypeSchema,
  currentBuild: z.number().int().positive(),
  ubr: z.number().int().nonnegative().nullable(),
  displayVersion: z.string().nullable(),
  architecture: architectureSchema,
  /** "6.1", "6.3"…: the NT version, useful on systems before Windows 10. */
  currentVersion: z.string().nullable().optional(),
  /** "Service Pack 1" on Windows 7 SP1 / 2008 R2 SP1, else null. */
  csdVersion: z.string().nullable().optional(),
  /** When Windows last started (Win32_OperatingSystem.LastBootUpTime, UTC): tells whether a restart
   * happened between two snapshots. Added field; absent in older files and from the built-in tools path. */
  lastBootUpTime: isoDateTime.nullable().optional(),
});

/** A snapshot taken on a machine that is not Windows (the helpdesk runs the app anywhere). */
export const otherOsSchema = z.object({
  platform: z.enum(['linux', 'darwin', 'other']),
  productName: z.string(),
  kernelVersion: z.string().nullable().optional(),
  architecture: z.string(),
});

export const osSchema = z.union([windowsOsSchema, otherOsSchema]);

export const hotfixSchema = z.object({
  id: kbIdSchema,
  installedOn: z.iso.date().nullable(),
  description: z.string().nullable().optional(),
});

export const certificateStoreSchema = z.enum(['Root', 'AuthRoot', 'GroupPolicy', 'Enterprise', 'SmartCardRoot', 'Disallowed']);

export const certificateSchema = z.object({
  thumbprint: thumbprintSchema,
  subject: z.string(),
  issuer: z.string(),
  notBefore: isoDateTime,
  notAfter: isoDateTime,
  store: certificateStoreSchema,
});

export const certificatesSchema = z.object({
  root: z.array(certificateSchema),
  disallowed: z.array(certificateSchema),
});

export const rootAutoUpdateSchema = z.object({
  /** true when "Turn off Automatic Root Certificates Update" (DisableRootAutoUpdate=1) is set. */
  disabledByPolicy: z.boolean().nullable(),
  rootDirUrl: z.string().nullable(),
  /** Could the root update source be reached? null when not checked (for example --no-network). */
  reachable: z.boolean().nullable(),
});

export const serviceStateSchema = z.enum(['Running', 'Stopped', 'StartPending', 'StopPending', 'Paused', 'ContinuePending', 'PausePending']);
export const startTypeSchema = z.enum(['Automatic', 'AutomaticDelayed', 'Manual', 'Disabled', 'Boot', 'System']);

export const serviceSchema = z.object({
  name: z.string().min(1),
  displayName: z.string(),
  state: serviceStateSchema,
  startType: startTypeSchema,
  /** The Win32 exit code of the last stop or failed start (577 = signature could not be verified). */
  exitCode: z.number().int().nullable(),
  imagePath: z.string().nullable(),
  /** Services this one depends on (short names), used to start them in order. */
  dependsOn: z.array(z.string()).optional(),
});

export const signatureStatusSchema = z.enum(['Valid', 'NotSigned', 'HashMismatch', 'NotTrusted', 'UnknownError', 'NotSupportedFileFormat', 'Incompatible']);

export const signatureSchema = z.object({
  path: z.string(),
  status: signatureStatusSchema,
  signerSubject: z.string().nullable(),
  rootThumbprint: thumbprintSchema.nullable(),
  /** Get-AuthenticodeSignature's StatusMessage, localised: shown, never parsed. */
  statusMessage: z.string().nullable().optional(),
  /** The signer certificate's issuer ("CN=Microsoft ID Verified CS EOC CA 02, O=Microsoft Corporation, C=US"
   * for Trusted Signing). Optional: added in round 2; with it an ACS chain is recognised even when the
   * root is missing (then the chain stops at an intermediate and rootThumbprint is null). */
  signerIssuer: z.string().nullable().optional(),
  /** SHA-1 thumbprints of the chain Windows built, signer first. Optional, added in round 2. */
  chainThumbprints: z.array(thumbprintSchema).nullable().optional(),
});

export const eventSchema = z.object({
  log: z.string(),
  provider: z.string(),
  id: z.number().int().nonnegative(),
  time: isoDateTime,
  /** Raw insertion strings, e.g. "%%577": the same on every language of Windows. */
  data: z.array(z.string()),
  /** The rendered message in the machine's language: for people, never for rules. */
  message: z.string().nullable(),
  /** The event's correlation ActivityID (`<Correlation ActivityID="{…}"/>`), which links a Code
   * Integrity 3089 to its 3004/3033. Optional: absent in files written before this field existed. */
  activityId: z.string().nullable().optional(),
});

export const productSchema = z.object({
  name: z.string(),
  version: z.string().nullable(),
  publisher: z.string().nullable(),
});

/** A cumulative-update package in Component Based Servicing (registry key under
 * `…\\Component Based Servicing\\Packages`), e.g. "Package_for_RollupFix~31bf3856ad364e35~amd64~~19041.1586.1.7":
 * its version names the build.UBR Windows runs once the package is in effect. */
export const rollupFixPackageSchema = z.object({
  /** The package key's name, as Windows writes it. */
  name: z.string().min(1),
  /** Its CurrentState DWORD: 112 installed, 96 install pending, 64 staged, 80 superseded… (null: unreadable). */
  currentState: z.number().int().nullable(),
});

export const pendingRebootSchema = z.object({
  required: z.boolean().nullable(),
  reasons: z.array(z.string()),
  /** Every "Package_for_RollupFix" package in Component Based Servicing with its state. Absent in
   * files written before this field existed; null when the packages could not be read. */
  rollupFixPackages: z.array(rollupFixPackageSchema).nullable().optional(),
});

/** Boot-time switches people flip as risky workarounds for signature failures. */
export const bootConfigurationSchema = z.object({
  testSigning: z.boolean().nullable(),
  noIntegrityChecks: z.boolean().nullable(),
});

export const collectionErrorSchema = z.object({
  section: z.string(),
  message: z.string(),
});

export const snapshotSchema = z.looseObject({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.literal(SNAPSHOT_VERSION),
  collectedAt: isoDateTime,
  collector: collectorSchema.nullable().optional(),
  host: hostSchema.nullable().optional(),
  os: osSchema,
  hotfixes: z.array(hotfixSchema).nullable().optional(),
  certificates: certificatesSchema.nullable().optional(),
  rootAutoUpdate: rootAutoUpdateSchema.nullable().optional(),
  services: z.array(serviceSchema).nullable().optional(),
  signatures: z.array(signatureSchema).nullable().optional(),
  events: z.array(eventSchema).nullable().optional(),
  products: z.array(productSchema).nullable().optional(),
  pendingReboot: pendingRebootSchema.nullable().optional(),
  bootConfiguration: bootConfigurationSchema.nullable().optional(),
  errors: z.array(collectionErrorSchema).nullable().optional(),
});

export type Snapshot = z.infer<typeof snapshotSchema>;
export type WindowsOs = z.infer<typeof windowsOsSchema>;
export type OtherOs = z.infer<typeof otherOsSchema>;
export type Hotfix = z.infer<typeof hotfixSchema>;
export type Certificate = z.infer<typeof certificateSchema>;
export type CertificateStore = z.infer<typeof certificateStoreSchema>;
export type RootAutoUpdate = z.infer<typeof rootAutoUpdateSchema>;
export type Service = z.infer<typeof serviceSchema>;
export type ServiceState = z.infer<typeof serviceStateSchema>;
export type StartType = z.infer<typeof startTypeSchema>;
export type Signature = z.infer<typeof signatureSchema>;
export type SignatureStatus = z.infer<typeof signatureStatusSchema>;
export type SnapshotEvent = z.infer<typeof eventSchema>;
export type Product = z.infer<typeof productSchema>;
export type PendingReboot = z.infer<typeof pendingRebootSchema>;
export type RollupFixPackage = z.infer<typeof rollupFixPackageSchema>;
export type BootConfiguration = z.infer<typeof bootConfigurationSchema>;
export type CollectionError = z.infer<typeof collectionErrorSchema>;

export function isWindowsOs(os: Snapshot['os']): os is WindowsOs {
  return os.platform === undefined || os.platform === 'windows';
}
