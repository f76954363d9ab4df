// The simulated Windows machine as data: the zod schema of a machine profile file
// (assets/simulated/profiles/NAME.json) and of the mutable state the simulated commands read and change.
// docs/probe.md ("Simulated host") describes every field. This is the simulated world, not the judge:
// nothing here knows the diagnosis rules.
import { z } from 'zod';
import { architectureSchema, installationTypeSchema, productSchema, rollupFixPackageSchema, serviceStateSchema, startTypeSchema, thumbprintSchema } from '#product/snapshot/schema.js';

const isoDateTime = z.iso.datetime({ offset: true, local: false });

/** Languages the simulated commands can print in (certutil, wevtutil, reg and sc errors are localised). */
export const machineLanguageSchema = z.enum(['en-US', 'de-DE', 'ja-JP']);
export type MachineLanguage = z.infer<typeof machineLanguageSchema>;

/** Sections of the probe; a fault names one of them. Same names as ProbeSectionName in src-main/probe/. */
export const simulatedSectionSchema = z.enum(['host', 'os', 'hotfixes', 'certificates', 'rootAutoUpdate', 'services', 'signatures', 'events', 'products', 'pendingReboot', 'bootConfiguration']);

export const simulatedOsSchema = z.object({
  productName: z.string(),
  editionId: z.string(),
  installationType: installationTypeSchema,
  currentBuild: z.number().int().positive(),
  /** Update Build Revision; null before Windows 10 (the registry has no UBR value there). */
  ubr: z.number().int().nonnegative().nullable(),
  displayVersion: z.string().nullable(),
  architecture: architectureSchema,
  currentVersion: z.string().nullable().default(null),
  csdVersion: z.string().nullable().default(null),
  language: machineLanguageSchema,
  /** Does the running Windows kernel validate ACS (Trusted Signing) signatures right now? Windows 11 and
   * Windows 10 22H2: natively; others once an update granting it is installed AND the machine restarted. */
  acsSupport: z.boolean(),
});

export const simulatedHotfixSchema = z.object({
  id: z.string().regex(/^KB\d{6,7}$/),
  /** yyyy-mm-dd, or null (Win32_QuickFixEngineering often has no date). */
  installedOn: z.iso.date().nullable(),
  description: z.string().nullable().default('Update'),
});

export const simulatedCertificateSchema = z.object({
  thumbprint: thumbprintSchema,
  subject: z.string(),
  issuer: z.string(),
  notBefore: isoDateTime,
  notAfter: isoDateTime,
  serialNumber: z.string().default('00'),
});
export type SimulatedCertificate = z.infer<typeof simulatedCertificateSchema>;

/** Physical LocalMachine stores. Root+AuthRoot+GroupPolicy+Enterprise form the trusted "Root" view. */
export const simulatedStoresSchema = z.object({
  Root: z.array(simulatedCertificateSchema).default([]),
  AuthRoot: z.array(simulatedCertificateSchema).default([]),
  GroupPolicy: z.array(simulatedCertificateSchema).default([]),
  Enterprise: z.array(simulatedCertificateSchema).default([]),
  Disallowed: z.array(simulatedCertificateSchema).default([]),
});
export type SimulatedStoreName = keyof z.infer<typeof simulatedStoresSchema>;

export const simulatedRootAutoUpdateSchema = z.object({
  /** DisableRootAutoUpdate = 1 ("Turn off Automatic Root Certificates Update"); null = value absent. */
  disabledByPolicy: z.boolean().nullable(),
  rootDirUrl: z.string().nullable().default(null),
  /** Can the machine reach the root update source (ctldl.windowsupdate.com or RootDirURL)? */
  reachable: z.boolean(),
});

/** How a binary is signed; its Authenticode status follows from this and the machine's trust state. */
export const signingSchema = z.enum(['acs', 'classic', 'unsigned', 'tampered']);

export const simulatedBinarySchema = z.object({
  path: z.string(),
  signing: signingSchema,
  signerSubject: z.string().nullable().default(null),
});
export type SimulatedBinary = z.infer<typeof simulatedBinarySchema>;

export const simulatedServiceSchema = z.object({
  name: z.string().min(1),
  displayName: z.string(),
  state: serviceStateSchema,
  startType: startTypeSchema,
  exitCode: z.number().int(),
  /** As stored in the registry (quotes included). */
  imagePath: z.string(),
  dependsOn: z.array(z.string()).default([]),
  /** A protected anti-malware (PPL) service whose start Code Integrity checks (3104 on failure). */
  protectedProcess: z.boolean().default(false),
  /**
   * How a start goes wrong whatever the trust state: hangs-start-pending (the service never reports
   * RUNNING: sc query keeps answering START_PENDING), access-denied (the service's own DACL refuses
   * SERVICE_START even to administrators, as agents with self-protection do: sc start ends with 5).
   */
  startFault: z.enum(['hangs-start-pending', 'access-denied']).optional(),
});
export type SimulatedService = z.infer<typeof simulatedServiceSchema>;

export const simulatedEventSchema = z.object({
  log: z.string(),
  provider: z.string(),
  id: z.number().int().nonnegative(),
  time: isoDateTime,
  level: z.enum(['Error', 'Warning', 'Information']).default('Error'),
  data: z.array(z.string()),
  /** Rendered message in the machine's language (null = the provider's resources are missing). */
  message: z.string().nullable(),
  /** System/Correlation ActivityID (links a Code Integrity 3089 to its 3004/3033); null when none. */
  activityId: z.string().nullable().optional(),
});
export type SimulatedEvent = z.infer<typeof simulatedEventSchema>;

/** Installed products are described exactly as in a snapshot. */
export const simulatedProductSchema = productSchema;

export const pendingRebootMarkerSchema = z.enum([
  'ComponentBasedServicing.RebootPending',
  'ComponentBasedServicing.PackagesPending',
  'WindowsUpdate.RebootRequired',
  'PendingFileRenameOperations',
  'ComputerRenamePending',
]);
export type PendingRebootMarker = z.infer<typeof pendingRebootMarkerSchema>;

/** An offline update package or certificate file a technician might pick (USB stick, Downloads). */
export const localFileSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.enum(['msu', 'cab']),
    path: z.string(),
    kb: z.string().regex(/^KB\d{6,7}$/),
    architecture: architectureSchema,
    /** Build the package is for (its applicability), e.g. 19044; null = any pre-Windows 10 rollup. */
    forBuild: z.number().int().nullable(),
    /** UBR the machine has after the package is installed and Windows restarted. */
    resultingUbr: z.number().int().nullable(),
    /** Does installing it give the kernel ACS support (effective after restart)? */
    grantsAcsSupport: z.boolean(),
    signer: z.string().default('CN=Microsoft Corporation, O=Microsoft Corporation, L=Redmond, S=Washington, C=US'),
    signatureValid: z.boolean().default(true),
    sizeBytes: z.number().int().nonnegative(),
  }),
  z.object({
    kind: z.literal('cer'),
    path: z.string(),
    certificate: simulatedCertificateSchema,
    sizeBytes: z.number().int().nonnegative(),
  }),
]);
export type LocalFile = z.infer<typeof localFileSchema>;

export const simulatedUserSchema = z.object({
  name: z.string().default('user'),
  isAdmin: z.boolean(),
  /** Is the app itself already running elevated? */
  elevated: z.boolean().default(false),
  /** How the person answers a UAC prompt. */
  uacAnswer: z.enum(['accept', 'decline']).default('accept'),
});

export const powershellSchema = z.object({
  availability: z.enum(['full', 'constrained-language', 'blocked', 'missing']),
  version: z.string().default('5.1.17763.1'),
  /** What SystemPolicy.GetSystemLockdownPolicy() reports: Enforce under an AppLocker/WDAC script policy,
   * which forces every new runspace of an untrusted caller into ConstrainedLanguage. */
  lockdownPolicy: z.enum(['None', 'Audit', 'Enforce']).optional(),
});

export const faultSchema = z.object({
  section: simulatedSectionSchema,
  /** hang: the section runs past its time budget; access-denied: the user lacks rights;
   * garbage / truncated: the command prints unusable or cut output. */
  kind: z.enum(['hang', 'access-denied', 'garbage', 'truncated']),
  /** Which collection path the fault hits (default both). */
  path: z.enum(['powershell', 'builtin-tools', 'both']).default('both'),
});
export type SimulatedFault = z.infer<typeof faultSchema>;

/** What a restart makes effective: set by update installs, applied and cleared by reboot(). */
export const pendingOnRebootSchema = z.object({
  ubr: z.number().int().nullable().default(null),
  acsSupport: z.boolean().default(false),
});

export const bootConfigurationStateSchema = z.object({
  testSigning: z.boolean().default(false),
  noIntegrityChecks: z.boolean().default(false),
});

export const machineStateSchema = z.object({
  /** The machine's clock; advances a little with each command. */
  now: isoDateTime,
  /** When Windows last started (set from the clock when a profile has none); each reboot() moves it on. */
  lastBootUpTime: isoDateTime.optional(),
  /** How often the simulated Windows restarted. */
  bootCount: z.number().int().nonnegative().default(0),
  host: z.object({ computerName: z.string(), domain: z.string().nullable() }),
  os: simulatedOsSchema,
  hotfixes: z.array(simulatedHotfixSchema),
  certificateStores: simulatedStoresSchema,
  /** Is the ACS root in Microsoft's root CTL, so auto-update can fetch it? (true since June 2021.) */
  acsRootInCtl: z.boolean().default(true),
  rootAutoUpdate: simulatedRootAutoUpdateSchema,
  services: z.array(simulatedServiceSchema),
  binaries: z.array(simulatedBinarySchema).default([]),
  events: z.array(simulatedEventSchema).default([]),
  products: z.array(simulatedProductSchema).default([]),
  pendingRebootMarkers: z.array(pendingRebootMarkerSchema).default([]),
  /** Cumulative-update packages in Component Based Servicing (…\Packages\Package_for_RollupFix~…) with CurrentState. */
  rollupFixPackages: z.array(rollupFixPackageSchema).default([]),
  pendingOnReboot: pendingOnRebootSchema.nullable().default(null),
  bootConfiguration: bootConfigurationStateSchema.default({ testSigning: false, noIntegrityChecks: false }),
  localFiles: z.array(localFileSchema).default([]),
  user: simulatedUserSchema,
  powershell: powershellSchema,
  /** Is WMIC installed? An optional feature from Windows 11 24H2 and Server 2025 on (off by default there). */
  wmicInstalled: z.boolean().default(true),
  faults: z.array(faultSchema).default([]),
  /**
   * Knobs of the simulated installers, kept in the state so that they reach the native-tool shims the
   * real helper runs in another process: another installation running (wusa/DISM answer 1618), and a
   * forced exit code for the next wusa/DISM run (consumed once).
   */
  installers: z.object({ inProgress: z.boolean().default(false), nextExitCode: z.number().int().nullable().default(null) }).default({ inProgress: false, nextExitCode: null }),
});
export type MachineState = z.infer<typeof machineStateSchema>;
export type MachineStateInput = z.input<typeof machineStateSchema>;

export const machineProfileSchema = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  title: z.string(),
  /** The story in plain words: who meets this machine and what is wrong with it. */
  story: z.string(),
  /** What the diagnosis is expected to say (tests assert it); the simulated world never reads it. */
  expected: z
    .object({
      verdict: z.enum(['ready', 'action-required', 'unsupported', 'unknown']),
      collectorMethod: z.enum(['powershell', 'builtin-tools']).default('powershell'),
      /** Sections that must end up in errors[]. */
      failedSections: z.array(simulatedSectionSchema).default([]),
    })
    .optional(),
  machine: machineStateSchema,
});
export type MachineProfile = z.infer<typeof machineProfileSchema>;
export type MachineProfileInput = z.input<typeof machineProfileSchema>;
