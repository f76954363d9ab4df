// Fix: install the pinned ACS root ("Microsoft Identity Verification Root Certificate Authority 2020")
// into LocalMachine\Root with certutil (present on every Windows, Windows 7 / 2008 R2 included),
// verify by reading the store again, and undo only what this app added.
import { ACS_ROOT_CERTIFICATE, TRUSTED_ROOT_STORES } from '../catalogue/root-certificate.js';
import type { PlanStep } from '../diagnosis/schema.js';
import { commands } from './actions/commands.js';
import { bundledRootCertificatePath, checkRootCertificateFile } from './certificate-check.js';
import { journalEntrySchema, type JournalEntry } from '../journal/entry.js';
import { helperJournalPath } from './helper-folder.js';
import { contextFiles, declinedOutcome, journaled, report, runAdminAction, type StepResult } from './step-run.js';
import type { ApplyOptions, Fix, FixContext, FixOptions, FixOutcome, FixPreview, VerifyResult } from './types.js';

const THUMBPRINT = ACS_ROOT_CERTIFICATE.sha1Thumbprint;

export function createRootCertificateFix(step: PlanStep, context: FixContext): Fix {
  const now = () => context.now?.() ?? new Date();
  const fileFor = (options?: FixOptions) => options?.certificateFile ?? bundledRootCertificatePath();

  async function preview(options?: FixOptions): Promise<FixPreview> {
    const file = fileFor(options);
    const check = await checkRootCertificateFile(file, now(), contextFiles(context));
    return {
      kind: step.step,
      checks: check.checks,
      commands: [
        { ...commands.findRootCertificate(THUMBPRINT), elevated: true, purpose: "Look whether the certificate is already in the machine's Trusted Root store." },
        { ...commands.addRootCertificate(file), elevated: true, purpose: "Add the certificate to the machine's Trusted Root store (LocalMachine\\Root)." },
      ],
      facts: {
        certificate: ACS_ROOT_CERTIFICATE.name,
        file,
        'SHA-1 thumbprint': check.sha1Thumbprint ?? 'unreadable',
        'SHA-256 fingerprint': check.sha256Fingerprint ?? 'unreadable',
        'pinned SHA-1': THUMBPRINT,
        store: 'LocalMachine\\Root (Trusted Root Certification Authorities)',
        ...(check.notAfter ? { 'valid until': check.notAfter.slice(0, 10) } : {}),
      },
      ready: check.ok,
      blockers: check.checks.filter((item) => !item.passed).map((item) => item.message),
    };
  }

  async function verify(): Promise<VerifyResult> {
    const snapshot = await context.reprobe(['certificates']);
    const certificates = snapshot.certificates;
    if (!certificates) return { verified: null, message: 'The certificate stores could not be read again.', details: [] };
    const trusted = certificates.root.filter((cert) => cert.thumbprint === THUMBPRINT && (TRUSTED_ROOT_STORES as readonly string[]).includes(cert.store));
    const disallowed = certificates.disallowed.some((cert) => cert.thumbprint === THUMBPRINT);
    const ok = trusted.length > 0 && !disallowed;
    const where = trusted.map((cert) => cert.store).join(', ');
    return {
      verified: ok,
      message: ok
        ? `The root certificate is in the trusted store (${where}).`
        : disallowed
          ? 'The root certificate is in the Disallowed store: Windows distrusts it on purpose (ask the administrator who put it there).'
          : 'The root certificate is not in the trusted stores.',
      details: [{ item: THUMBPRINT, ok, message: ok ? `found in ${where}` : disallowed ? 'in Disallowed' : 'not found' }],
    };
  }

  async function apply(options?: ApplyOptions): Promise<FixOutcome> {
    const file = fileFor(options);
    return journaled(context, step.step, 'apply', { thumbprint: THUMBPRINT, certificateFile: file }, async (runId): Promise<StepResult> => {
      report(options, 'checking', 'Checking the certificate file against the pinned fingerprints.');
      const checked = await preview(options);
      if (!checked.ready) return { status: 'refused', message: `Refused before changing anything: ${checked.blockers.join(' ')}`, commands: [], verification: null, details: { added: false } };
      // The file was checked above (same fingerprints as the pinned root); the helper imports its own copy
      // of those bytes, so the request names no file.
      const request = { action: 'import-root-certificate' as const, sha1Thumbprint: ACS_ROOT_CERTIFICATE.sha1Thumbprint, sha256Fingerprint: ACS_ROOT_CERTIFICATE.sha256Fingerprint };
      const admin = await runAdminAction(context, runId, step.step, request, options);
      if (admin.adminScript) return { ...declinedOutcome(admin, 'the certificate import'), details: { added: false } };
      const result = admin.result;
      if (result.status === 'refused' || result.status === 'failed') return { status: result.status, message: result.message, commands: admin.commands, verification: null, details: { added: false } };
      report(options, 'verifying', 'Reading the certificate store again.');
      const verification = await verify();
      const added = result.status === 'ok';
      const status = verification.verified ? (added ? 'succeeded' : 'nothing-to-do') : 'failed';
      return { status, message: `${result.message} ${verification.message}`, commands: admin.commands, verification, details: { added, alreadyPresent: result.alreadyPresent ?? !added } };
    });
  }

  async function undo(): Promise<FixOutcome> {
    return journaled(context, step.step, 'undo', { thumbprint: THUMBPRINT }, async (runId): Promise<StepResult> => {
      const addedByUs = await addedByThisApp(context);
      if (!addedByUs)
        return {
          status: 'refused',
          message: 'This app did not add the root certificate (it was already there, or someone else added it), so undo leaves it where it is.',
          commands: [],
          verification: null,
          details: { removed: false },
        };
      const admin = await runAdminAction(context, runId, step.step, { action: 'remove-root-certificate', sha1Thumbprint: ACS_ROOT_CERTIFICATE.sha1Thumbprint });
      if (admin.adminScript) return { ...declinedOutcome(admin, 'removing the certificate'), details: { removed: false } };
      if (admin.result.status !== 'ok' && admin.result.status !== 'already-done')
        return { status: 'failed', message: admin.result.message, commands: admin.commands, verification: null, details: { removed: false } };
      const snapshot = await context.reprobe(['certificates']);
      const inRoot = snapshot.certificates?.root.some((cert) => cert.thumbprint === THUMBPRINT && cert.store === 'Root') ?? true;
      const message = inRoot ? 'The certificate is still in the Root store.' : 'The certificate is no longer in the Root store.';
      const verification: VerifyResult = { verified: !inRoot, message, details: [{ item: THUMBPRINT, ok: !inRoot, message }] };
      return { status: inRoot ? 'failed' : 'succeeded', message: `${admin.result.message} ${verification.message}`, commands: admin.commands, verification, details: { removed: !inRoot } };
    });
  }

  return {
    kind: step.step,
    step,
    describe: () => ({
      kind: step.step,
      title: step.title,
      what: `Adds "${ACS_ROOT_CERTIFICATE.name}" (SHA-1 ${THUMBPRINT}) to this computer's Trusted Root store, after checking that the file is exactly that certificate.`,
      why: step.why,
      needsAdmin: true,
      needsReboot: false,
      undoable: true,
      undoNote: 'Undo removes exactly this certificate from the Root store, and only if this app added it.',
    }),
    preview,
    apply,
    verify,
    undo,
  };
}

/** Did the last finished root-certificate change in the journal add the certificate (and no later undo remove it)? */
/** The administrator script's lines of the helper's own journal (%ProgramData%\ACS Support Assistant\journal.jsonl):
 * a root added there by an administrator for this app can be undone too. Unreadable lines are skipped. */
async function adminScriptEntries(context: FixContext): Promise<JournalEntry[]> {
  let text: string;
  try {
    text = (await contextFiles(context).read(helperJournalPath())).toString('utf8');
  } catch {
    return [];
  }
  return text.split('\n').flatMap((line) => {
    try {
      const parsed = journalEntrySchema.safeParse(JSON.parse(line));
      return parsed.success && parsed.data.writer === 'admin-script' ? [parsed.data] : [];
    } catch {
      return [];
    }
  });
}

export async function addedByThisApp(context: FixContext): Promise<boolean> {
  const own = (await context.journal.read()).entries;
  const helper = await adminScriptEntries(context);
  // In time order (ISO 8601 UTC from both writers), so the newest add or remove decides.
  const entries = helper.length === 0 ? own : [...own, ...helper].sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  for (let index = entries.length - 1; index >= 0; index -= 1) {
    const entry = entries[index]!;
    if (entry.event !== 'finished' || entry.step !== 'install-root-certificate' || entry.details.thumbprint !== THUMBPRINT) continue;
    if (entry.operation === 'undo' && entry.details.removed === true) return false;
    if (entry.operation === 'apply' && entry.details.added === true) return true;
  }
  return false;
}
