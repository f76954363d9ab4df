// The `acs-diagnosis` version 1 format: what `diagnose(snapshot)` returns. Public contract, like the
// snapshot: add fields, never rename. docs/diagnosis.md describes every field.
import { z } from 'zod';
import type { MessageParam, MessageRef } from '../shared/i18n/format.js';

export const DIAGNOSIS_FORMAT = 'acs-diagnosis';
export const DIAGNOSIS_VERSION = 1;

export const verdictSchema = z.enum(['ready', 'action-required', 'unsupported', 'unknown']);

/** A parameter of a message: text, a number, a nested message or a list (added in 1.x: i18n). */
export const messageParamSchema: z.ZodType<MessageParam> = z.lazy(() => z.union([z.string(), z.number(), z.boolean(), messageRefSchema, z.array(messageParamSchema)]));

/** A message id of the catalogues (src-main/shared/i18n/) with its parameters: any language renders it. */
export const messageRefSchema: z.ZodType<MessageRef> = z.lazy(() => z.object({ id: z.string(), params: z.record(z.string(), messageParamSchema).optional() }));

/** A fact from the snapshot that backs a finding: `path` points into the snapshot JSON. */
export const evidenceSchema = z.object({
  path: z.string(),
  value: z.unknown(),
  /** What the fact means, in plain words. */
  note: z.string().optional(),
  /** Added field (i18n): the message behind `note`. */
  noteMessage: messageRefSchema.optional(),
});

export const severitySchema = z.enum(['critical', 'warning', 'info']);

export const findingSchema = z.object({
  id: z.string(),
  severity: severitySchema,
  title: z.string(),
  explanation: z.string(),
  evidence: z.array(evidenceSchema),
  /** Added fields (i18n): the message behind `title` and `explanation`. Files written before have none. */
  titleMessage: messageRefSchema.optional(),
  explanationMessage: messageRefSchema.optional(),
});

export const sourceSchema = z.object({ title: z.string(), url: z.string() });

export const windowsVersionSchema = z.object({
  /** Stable key of the catalogue row, e.g. "win10-21h2", "server-2019", "win7-sp1". */
  key: z.string(),
  /** The name people know, e.g. "Windows 10, version 21H2". */
  name: z.string(),
  family: z.enum(['windows-11', 'windows-10', 'windows-server', 'windows-8.1', 'windows-8', 'windows-7', 'windows-vista', 'windows-xp', 'windows-server-legacy', 'unknown']),
  installationType: z.enum(['Client', 'Server', 'Server Core']),
  build: z.string(),
  architecture: z.string(),
});

export const windowsUpdateStatusSchema = z.enum(['ok', 'missing', 'pending-reboot', 'unsupported-os', 'unknown']);

export const windowsUpdateSchema = z.object({
  status: windowsUpdateStatusSchema,
  /** The KB to install when the update is missing ("KB5011487"), null when none is needed or known. */
  requiredKb: z.string().nullable(),
  /** "19044.1586" on Windows 10/11/Server 2016+; null before Windows 10 (no UBR there). */
  minimumBuild: z.string().nullable(),
  /** The machine's build.UBR, e.g. "19044.1288". */
  currentBuild: z.string().nullable(),
  /** "native" (Windows 11, 10 22H2, Server 23H2/2025), "cumulative" (build.UBR comparison),
   * "rollup" (pre-Windows 10 monthly rollup or October 2021 security-only update), or "none". */
  rule: z.enum(['native', 'cumulative', 'rollup', 'none']),
  /** KBs known to satisfy the requirement: on rollup systems every one of them; on Windows 10/11/Server
   * the named update and the first Patch Tuesday update after it (any later cumulative update also does). */
  acceptedKbs: z.array(z.string()),
  /** The installed KB that satisfies the requirement, when one does. */
  satisfiedBy: z.string().nullable(),
  /** Set when Trend Micro's bulletin asks for more than Microsoft's table. */
  stricterRule: z.string().nullable(),
  reason: z.string(),
  /** Added field (i18n): the message behind `reason`. */
  reasonMessage: messageRefSchema.optional(),
  sources: z.array(sourceSchema),
});

export const rootCertificateSchema = z.object({
  status: z.enum(['present', 'missing', 'disallowed', 'unknown']),
  autoUpdate: z.enum(['enabled', 'disabled', 'unknown']),
  /** Must the root be installed by hand? */
  required: z.boolean(),
  thumbprint: z.string(),
  /** Stores that hold it (Root, AuthRoot, GroupPolicy, Enterprise, Disallowed). */
  foundIn: z.array(z.string()),
  reason: z.string(),
  /** Added field (i18n): the message behind `reason`. */
  reasonMessage: messageRefSchema.optional(),
});

export const agentServiceDiagnosisSchema = z.object({
  name: z.string(),
  displayName: z.string(),
  product: z.string(),
  state: z.string(),
  startType: z.string(),
  exitCode: z.number().nullable(),
  status: z.enum(['running', 'failed-signature', 'failed-other', 'stopped', 'disabled']),
  /** Why a failure counts as a signature failure: event ids, exit code, signature status. */
  signatureEvidence: z.array(z.string()),
});

export const agentServicesSchema = z.object({
  status: z.enum(['running', 'failed-signature', 'failed-other', 'stopped', 'not-installed', 'unknown']),
  services: z.array(agentServiceDiagnosisSchema),
  products: z.array(z.string()),
});

export const planStepKindSchema = z.enum(['install-windows-update', 'upgrade-windows', 'install-root-certificate', 'reboot', 'start-agent-services', 'contact-support']);

export const planStepSchema = z.object({
  step: planStepKindSchema,
  title: z.string(),
  why: z.string(),
  /** Added fields (i18n): the messages behind `title` and `why`. */
  titleMessage: messageRefSchema.optional(),
  whyMessage: messageRefSchema.optional(),
  /** install-windows-update: the KB to install and every KB that would also do. */
  kb: z.string().nullable().optional(),
  acceptedKbs: z.array(z.string()).optional(),
  /** install-windows-update on Windows 10/11/Server: any later cumulative update (a higher KB number
   * for the same Windows) also fixes it; the build check after the restart confirms it. */
  acceptsLaterKbs: z.boolean().optional(),
  minimumBuild: z.string().nullable().optional(),
  /** install-root-certificate: the pinned thumbprint. */
  thumbprint: z.string().optional(),
  /** start-agent-services: the short names of the services to start. */
  services: z.array(z.string()).optional(),
  /** Needs administrator rights on the machine. */
  needsAdmin: z.boolean(),
  /** Ends with a restart of Windows, or makes one necessary. */
  needsReboot: z.boolean(),
});

export const diagnosisSchema = z.object({
  format: z.literal(DIAGNOSIS_FORMAT),
  version: z.literal(DIAGNOSIS_VERSION),
  /** The snapshot this diagnosis reads: when and on which machine it was collected. */
  snapshot: z.object({ collectedAt: z.string(), computerName: z.string().nullable() }),
  /** Date of the update catalogue the rules used (its newest researched entry). */
  catalogueDate: z.string(),
  verdict: verdictSchema,
  /** One sentence for the result screen and the command line. */
  headline: z.string(),
  /** Added field (i18n): the message behind `headline`. */
  headlineMessage: messageRefSchema.optional(),
  windows: windowsVersionSchema.nullable(),
  windowsUpdate: windowsUpdateSchema,
  rootCertificate: rootCertificateSchema,
  agentServices: agentServicesSchema,
  pendingReboot: z.boolean().nullable(),
  findings: z.array(findingSchema),
  plan: z.array(planStepSchema),
});

export type Verdict = z.infer<typeof verdictSchema>;
export type Evidence = z.infer<typeof evidenceSchema>;
export type Severity = z.infer<typeof severitySchema>;
export type Finding = z.infer<typeof findingSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type WindowsVersion = z.infer<typeof windowsVersionSchema>;
export type WindowsUpdateStatus = z.infer<typeof windowsUpdateStatusSchema>;
export type WindowsUpdateDiagnosis = z.infer<typeof windowsUpdateSchema>;
export type RootCertificateDiagnosis = z.infer<typeof rootCertificateSchema>;
export type AgentServiceDiagnosis = z.infer<typeof agentServiceDiagnosisSchema>;
export type AgentServicesDiagnosis = z.infer<typeof agentServicesSchema>;
export type PlanStepKind = z.infer<typeof planStepKindSchema>;
export type PlanStep = z.infer<typeof planStepSchema>;
export type Diagnosis = z.infer<typeof diagnosisSchema>;
