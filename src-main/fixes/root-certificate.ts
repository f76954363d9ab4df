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
import { blockersOf, describeStep, factsOf, messageAndRef, purposeOf, said, sentences } from './texts.js';
import type { ApplyOptions, Fix, FixContext, FixOptions, FixOutcome, FixPreview, VerifyResult } from './types.js';

const THUMBPRINT = ACS_ROOT_CERTIFICATE.sha1Thumbprint;

export function createRootCertificateFix(step: PlanStep, context: FixContext): Fix {
  const now = () => context.now?.() ?? new Date();
  const fileFor = (options?: FixOptions) => options?.certificateFile ?? bundledRootCertificatePath();

  async function preview(options?: FixOptions): Promise<FixPreview> {
    const file = fileFor(options);
    const check = await checkRootCertificateFile(file, now(), contextFiles(context));
    const unreadable = said('fix.fact.unreadable');
    return {
      kind: step.step,
      checks: check.checks,
      commands: [
        { ...commands.findRootCertificate(THUMBPRINT), elevated: true, ...purposeOf(said('fix.root.purpose.find')) },
        { ...commands.addRootCertificate(THUMBPRINT), elevated: true, ...purposeOf(said('fix.root.purpose.add')) },
      ],
      ...factsOf([
        ['certificate', said('fix.fact.certificate'), ACS_ROOT_CERTIFICATE.name],
        ['file', said('fix.fact.file'), file],
        ['SHA-1 thumbprint', said('fix.fact.sha1'), check.sha1Thumbprint ?? unreadable],
        ['SHA-256 fingerprint', said('fix.fact.sha256'), check.sha256Fingerprint ?? unreadable],
        ['pinned SHA-1', said('fix.fact.pinnedSha1'), THUMBPRINT],
        ['store', said('fix.fact.store'), said('fix.root.store')],
        check.notAfter ? ['valid until', said('fix.fact.validUntil'), check.notAfter.slice(0, 10)] : null,
      ]),
      ready: check.ok,
      ...blockersOf(check.checks.filter((item) => !item.passed).map((item) => item.messageRef ?? said('sentence.none'))),
    };
  }

  async function verify(): Promise<VerifyResult> {
    const snapshot = await context.reprobe(['certificates']);
    const certificates = snapshot.certificates;
    if (!certificates) return { verified: null, ...messageAndRef(said('fix.root.verify.unreadable')), details: [] };
    const trusted = certificates.root.filter((cert) => cert.thumbprint === THUMBPRINT && (TRUSTED_ROOT_STORES as readonly string[]).includes(cert.store));
    const disallowed = certificates.disallowed.some((cert) => cert.thumbprint === THUMBPRINT);
    const ok = trusted.length > 0 && !disallowed;
    const where = trusted.map((cert) => cert.store).join(', ');
    const detail = ok ? said('fix.root.detail.found', { stores: where }) : disallowed ? said('fix.root.detail.disallowed') : said('fix.root.detail.notFound');
    return {
      verified: ok,
      ...messageAndRef(ok ? said('fix.root.verify.ok', { stores: where }) : disallowed ? said('fix.root.verify.disallowed') : said('fix.root.verify.missing')),
      details: [{ item: THUMBPRINT, ok, ...messageAndRef(detail) }],
    };
  }

  async function apply(options?: ApplyOptions): Promise<FixOutcome> {
    const file = fileFor(options);
    return journaled(context, step.step, 'apply', { thumbprint: THUMBPRINT, certificateFile: file }, async (runId): Promise<StepResult> => {
      report(options, 'checking', said('fix.progress.checkCertificate'));
      const checked = await preview(options);
      if (!checked.ready)
        return { status: 'refused', ...messageAndRef(said('fix.refused.before', { reasons: sentences(checked.blockersMessages ?? []) })), commands: [], verification: null, details: { added: false } };
      // The file was checked above (same fingerprints as the pinned root); the helper imports its own copy
      // of those bytes, so the request names no file.
      const request = { action: 'import-root-certificate' as const, sha1Thumbprint: ACS_ROOT_CERTIFICATE.sha1Thumbprint, sha256Fingerprint: ACS_ROOT_CERTIFICATE.sha256Fingerprint };
      const admin = await runAdminAction(context, runId, step.step, request, options);
      if (admin.adminScript) return { ...declinedOutcome(admin, said('fix.what.certificateImport')), details: { added: false } };
      const result = admin.result;
      const helperMessage = result.message;
      if (result.status === 'refused' || result.status === 'failed')
        return { status: result.status, ...messageAndRef(admin.message), helperMessage, commands: admin.commands, verification: null, details: { added: false } };
      report(options, 'verifying', said('fix.progress.readStore'));
      const verification = await verify();
      const added = result.status === 'ok';
      const status = verification.verified ? (added ? 'succeeded' : 'nothing-to-do') : 'failed';
      return {
        status,
        ...messageAndRef(sentences([admin.message, verification.messageRef])),
        helperMessage,
        commands: admin.commands,
        verification,
        details: { added, alreadyPresent: result.alreadyPresent ?? !added },
      };
    });
  }

  async function undo(): Promise<FixOutcome> {
    return journaled(context, step.step, 'undo', { thumbprint: THUMBPRINT }, async (runId): Promise<StepResult> => {
      const addedByUs = await addedByThisApp(context);
      if (!addedByUs) return { status: 'refused', ...messageAndRef(said('fix.root.undo.notOurs')), commands: [], verification: null, details: { removed: false } };
      const admin = await runAdminAction(context, runId, step.step, { action: 'remove-root-certificate', sha1Thumbprint: ACS_ROOT_CERTIFICATE.sha1Thumbprint });
      if (admin.adminScript) return { ...declinedOutcome(admin, said('fix.what.certificateRemoval')), details: { removed: false } };
      const helperMessage = admin.result.message;
      if (admin.result.status !== 'ok' && admin.result.status !== 'already-done')
        return { status: 'failed', ...messageAndRef(admin.message), helperMessage, commands: admin.commands, verification: null, details: { removed: false } };
      const snapshot = await context.reprobe(['certificates']);
      const inRoot = snapshot.certificates?.root.some((cert) => cert.thumbprint === THUMBPRINT && cert.store === 'Root') ?? true;
      const stillThere = messageAndRef(inRoot ? said('fix.root.undo.stillThere') : said('fix.root.undo.removed'));
      const verification: VerifyResult = { verified: !inRoot, ...stillThere, details: [{ item: THUMBPRINT, ok: !inRoot, ...stillThere }] };
      return {
        status: inRoot ? 'failed' : 'succeeded',
        ...messageAndRef(sentences([admin.message, stillThere.messageRef])),
        helperMessage,
        commands: admin.commands,
        verification,
        details: { removed: !inRoot },
      };
    });
  }

  return {
    kind: step.step,
    step,
    describe: () =>
      describeStep(step, {
        what: said('fix.root.what', { name: ACS_ROOT_CERTIFICATE.name, thumbprint: THUMBPRINT }),
        undoNote: said('fix.root.undoNote'),
        needsAdmin: true,
        needsReboot: false,
        undoable: true,
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
