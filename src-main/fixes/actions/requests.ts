// The fixed actions that need administrator rights, and the JSON request each one takes. The same
// request drives the direct path (this process is elevated), the elevated helper script and the
// ready-made administrator script: data travels as JSON, never as text inside a command line.
import { z } from 'zod';
import { ACS_ROOT_CERTIFICATE } from '../../catalogue/root-certificate.js';
import { TREND_AGENT_SERVICE_NAMES } from '../../catalogue/trend-agents.js';

export const ACTION_IDS = ['import-root-certificate', 'remove-root-certificate', 'install-update-package', 'start-services', 'restart-computer'] as const;
export type ActionId = (typeof ACTION_IDS)[number];

const hex64 = z.string().regex(/^[0-9A-F]{64}$/);

/** A restart comment: letters, digits, spaces and plain punctuation only; no quote, &, |, <, >, ^, %, / or
 * control character, so it stays one argument of shutdown.exe and cannot add /m \\host (the helper checks the same). */
export const RESTART_COMMENT_PATTERN = /^[\p{L}\p{M}\p{N} .,:;!?'()-]{0,500}$/u;

/** The requests the elevated helper accepts, field by field (assets/fixes/acs-fix-helper.ps1 applies the same
 * rules: unknown fields are refused; the root thumbprints must be the pinned ones; services come from the
 * agent catalogue). The helper imports the root certificate from its own bytes: no file in the request. */
export const actionRequestSchema = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('import-root-certificate'),
    /** Pinned values: the helper compares them with its own constants and refuses any difference. */
    sha1Thumbprint: z.literal(ACS_ROOT_CERTIFICATE.sha1Thumbprint),
    sha256Fingerprint: z.literal(ACS_ROOT_CERTIFICATE.sha256Fingerprint),
  }),
  z.strictObject({ action: z.literal('remove-root-certificate'), sha1Thumbprint: z.literal(ACS_ROOT_CERTIFICATE.sha1Thumbprint) }),
  z.strictObject({
    action: z.literal('install-update-package'),
    /** A local drive path (no UNC, device or mapped network path: the helper refuses those). */
    packagePath: z
      .string()
      .min(1)
      .max(260)
      .regex(/\.(msu|cab)$/i),
    /** SHA-256 of the file when it was checked: the helper hashes its own copy and refuses any difference. */
    packageSha256: hex64,
    /** The KB the file name carries and the package must hold inside. */
    kb: z.string().regex(/^KB\d{6,7}$/),
    installer: z.enum(['wusa', 'dism']),
    timeoutMs: z
      .number()
      .int()
      .min(1)
      .max(4 * 3600_000),
  }),
  z.strictObject({
    action: z.literal('start-services'),
    /** Short names from the agent catalogue, already in dependency order, each once. */
    services: z
      .array(z.string().refine((name) => TREND_AGENT_SERVICE_NAMES.some((known) => known.toLowerCase() === name.toLowerCase()), 'not an agent service of the catalogue'))
      .min(1)
      .max(TREND_AGENT_SERVICE_NAMES.length)
      .refine((names) => new Set(names.map((name) => name.toLowerCase())).size === names.length, 'a service is listed twice'),
    timeoutMs: z.number().int().min(1).max(600_000),
    pollIntervalMs: z.number().int().min(0).max(60_000),
  }),
  z.strictObject({ action: z.literal('restart-computer'), delaySeconds: z.number().int().min(0).max(600), comment: z.string().regex(RESTART_COMMENT_PATTERN) }),
]);

export type ActionRequest = z.infer<typeof actionRequestSchema>;

export const commandRecordSchema = z.object({
  file: z.string(),
  args: z.array(z.string()),
  exitCode: z.number().int().nullable(),
  meaning: z.string(),
  elevated: z.boolean(),
});

export const serviceResultSchema = z.object({
  name: z.string(),
  state: z.string(),
  /** sc.exe start's own exit code (0 accepted, 1056 already running, 577 signature...). */
  startExitCode: z.number().int().nullable(),
  /** WIN32_EXIT_CODE after waiting (577 when Windows refused the signature). */
  win32ExitCode: z.number().int().nullable(),
  running: z.boolean(),
  timedOut: z.boolean(),
  message: z.string(),
});

/** What an action reports back (the helper writes it as result.json). */
export const actionResultSchema = z.object({
  action: z.enum(ACTION_IDS),
  /** Overall: ok (done), reboot-required, already-done, refused (a check failed, nothing changed), declined, failed. */
  status: z.enum(['ok', 'reboot-required', 'already-done', 'refused', 'declined', 'access-denied', 'not-applicable', 'busy', 'failed']),
  message: z.string(),
  commands: z.array(commandRecordSchema),
  /** The main command's exit code (wusa/DISM/certutil/shutdown), for the journal. */
  exitCode: z.number().int().nullable(),
  services: z.array(serviceResultSchema).optional(),
  /** import-root-certificate: was the certificate already in LocalMachine\Root before? */
  alreadyPresent: z.boolean().optional(),
  /** The helper's reason word for a refusal (request-invalid, request-changed, package-not-local …). */
  reason: z.string().optional(),
});

export type ActionResult = z.infer<typeof actionResultSchema>;
export type ServiceResult = z.infer<typeof serviceResultSchema>;
