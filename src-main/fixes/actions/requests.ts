// The fixed actions that need administrator rights, and the JSON request each one takes. The same
// request drives the direct path (this process is elevated), the elevated helper script and the
// ready-made administrator script: data travels as JSON, never as text inside a command line.
import { z } from 'zod';

export const ACTION_IDS = ['import-root-certificate', 'remove-root-certificate', 'install-update-package', 'start-services', 'restart-computer'] as const;
export type ActionId = (typeof ACTION_IDS)[number];

const hex40 = z.string().regex(/^[0-9A-F]{40}$/);
const hex64 = z.string().regex(/^[0-9A-F]{64}$/);

export const actionRequestSchema = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('import-root-certificate'),
    certificateFile: z.string().min(1),
    /** Pinned values: the helper re-computes both from the file and refuses any difference. */
    sha1Thumbprint: hex40,
    sha256Fingerprint: hex64,
  }),
  z.object({ action: z.literal('remove-root-certificate'), sha1Thumbprint: hex40 }),
  z.object({
    action: z.literal('install-update-package'),
    packagePath: z.string().min(1),
    /** SHA-256 of the file when it was checked: a file swapped in between is refused. */
    packageSha256: hex64,
    installer: z.enum(['wusa', 'dism']),
    timeoutMs: z.number().int().positive(),
  }),
  z.object({
    action: z.literal('start-services'),
    /** Short names, already in dependency order. */
    services: z.array(z.string().regex(/^[A-Za-z0-9_ .-]{1,80}$/)).min(1),
    timeoutMs: z.number().int().positive(),
    pollIntervalMs: z.number().int().nonnegative(),
  }),
  z.object({ action: z.literal('restart-computer'), delaySeconds: z.number().int().min(0).max(600), comment: z.string().max(500) }),
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
});

export type ActionResult = z.infer<typeof actionResultSchema>;
export type ServiceResult = z.infer<typeof serviceResultSchema>;
