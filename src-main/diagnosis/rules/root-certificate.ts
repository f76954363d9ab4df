// Rule: can Windows find the root "Microsoft Identity Verification Root Certificate Authority 2020"?
// Present in any trusted-root store is enough; in the Disallowed store it is distrusted whatever else
// holds it. Missing only matters when Windows cannot fetch it by itself (automatic root update off by
// policy, the update source unreachable) or when agent binaries already fail on an untrusted root.
import { ACS_ROOT_CERTIFICATE, TRUSTED_ROOT_STORES } from '../../catalogue/root-certificate.js';
import type { Snapshot } from '../../snapshot/schema.js';
import type { Evidence, Finding, RootCertificateDiagnosis } from '../schema.js';
import { UNTRUSTED_ROOT_CODES } from './signature-evidence.js';

export interface RootCertificateInput {
  /** The agent's services fail with signature errors (from the agent rule). */
  agentSignatureFailure: boolean;
  /** The Windows update rule found the OS ready (so a signature failure points at the root). */
  windowsUpdateOk: boolean;
}

export interface RootCertificateResult {
  diagnosis: RootCertificateDiagnosis;
  findings: Finding[];
}

const THUMBPRINT = ACS_ROOT_CERTIFICATE.sha1Thumbprint;
const NAME = ACS_ROOT_CERTIFICATE.name;

export function checkRootCertificate(snapshot: Snapshot, input: RootCertificateInput): RootCertificateResult {
  const policy = snapshot.rootAutoUpdate ?? null;
  const autoUpdate: RootCertificateDiagnosis['autoUpdate'] =
    policy?.disabledByPolicy === true ? 'disabled' : policy?.disabledByPolicy === false ? 'enabled' : 'unknown';
  const findings: Finding[] = [];
  const policyEvidence: Evidence[] = [];
  if (policy) policyEvidence.push({ path: 'rootAutoUpdate.disabledByPolicy', value: policy.disabledByPolicy });
  if (policy && policy.reachable !== null) policyEvidence.push({ path: 'rootAutoUpdate.reachable', value: policy.reachable });
  if (policy?.rootDirUrl) policyEvidence.push({ path: 'rootAutoUpdate.rootDirUrl', value: policy.rootDirUrl, note: 'roots come from this internal source' });

  if (autoUpdate === 'disabled') {
    findings.push({
      id: 'root-auto-update-disabled',
      severity: 'info',
      title: 'Automatic root certificate updates are turned off',
      explanation: 'A policy ("Turn off Automatic Root Certificates Update") stops Windows from downloading root certificates, so new roots must be installed by hand.',
      evidence: policyEvidence.filter((entry) => entry.path === 'rootAutoUpdate.disabledByPolicy'),
    });
  }

  const certificates = snapshot.certificates ?? null;
  if (!certificates) {
    const reason = 'The certificate stores could not be read, so it is unknown whether the ACS root certificate is installed.';
    findings.push({ id: 'root-unknown', severity: 'warning', title: 'Could not read the certificate stores', explanation: reason, evidence: [{ path: 'certificates', value: null }] });
    return { diagnosis: { status: 'unknown', autoUpdate, required: false, thumbprint: THUMBPRINT, foundIn: [], reason }, findings };
  }

  const disallowedIndex = certificates.disallowed.findIndex((cert) => cert.thumbprint === THUMBPRINT);
  const trusted = certificates.root
    .map((cert, index) => ({ cert, index }))
    .filter(({ cert }) => cert.thumbprint === THUMBPRINT && (TRUSTED_ROOT_STORES as readonly string[]).includes(cert.store));
  const foundIn = [...new Set([...trusted.map(({ cert }) => cert.store), ...(disallowedIndex >= 0 ? ['Disallowed'] : [])])];

  if (disallowedIndex >= 0) {
    const reason = `${NAME} is in the Disallowed (untrusted) certificate store, so Windows refuses it even where another store holds it. An administrator must remove it from Disallowed and find the policy or tool that put it there.`;
    findings.push({
      id: 'root-disallowed',
      severity: 'critical',
      title: 'The Microsoft root certificate the agent needs is explicitly distrusted',
      explanation: reason,
      evidence: [{ path: `certificates.disallowed[${disallowedIndex}].thumbprint`, value: THUMBPRINT }],
    });
    return { diagnosis: { status: 'disallowed', autoUpdate, required: true, thumbprint: THUMBPRINT, foundIn, reason }, findings };
  }

  if (trusted.length > 0) {
    const first = trusted[0]!;
    const reason = `${NAME} is installed (${foundIn.join(', ')} store).`;
    findings.push({
      id: 'root-present',
      severity: 'info',
      title: 'The Microsoft root certificate the agent needs is installed',
      explanation: reason,
      evidence: [{ path: `certificates.root[${first.index}].thumbprint`, value: THUMBPRINT, note: `store ${first.cert.store}` }],
    });
    return { diagnosis: { status: 'present', autoUpdate, required: false, thumbprint: THUMBPRINT, foundIn, reason }, findings };
  }

  // Missing: does it matter?
  const untrustedRoot = untrustedRootEvidence(snapshot);
  const unreachable = policy?.reachable === false;
  const causes: string[] = [];
  if (autoUpdate === 'disabled') causes.push('automatic root certificate updates are turned off by policy');
  if (unreachable) causes.push(`the root update source${policy?.rootDirUrl ? ` (${policy.rootDirUrl})` : ''} cannot be reached`);
  if (untrustedRoot.length > 0) causes.push('the agent’s programs already fail because their certificate chain ends in an untrusted root');
  else if (input.agentSignatureFailure && input.windowsUpdateOk) causes.push('the agent’s programs fail signature checks although Windows has the update it needs');
  const evidence: Evidence[] = [{ path: 'certificates.root', value: `${certificates.root.length} certificate${certificates.root.length === 1 ? '' : 's'}, none with thumbprint ${THUMBPRINT}` }, ...policyEvidence, ...untrustedRoot];

  if (causes.length > 0) {
    const reason = `${NAME} (thumbprint ${THUMBPRINT}) is not installed, and Windows will not fetch it by itself: ${causes.join('; ')}.`;
    findings.push({
      id: 'root-missing',
      severity: 'critical',
      title: 'A Microsoft root certificate the agent needs is missing',
      explanation: `${reason} Install it into the computer's Trusted Root Certification Authorities store; this program carries a verified copy.`,
      evidence,
    });
    return { diagnosis: { status: 'missing', autoUpdate, required: true, thumbprint: THUMBPRINT, foundIn, reason }, findings };
  }

  const reachabilityUnknown = policy?.reachable == null;
  const reason =
    autoUpdate === 'enabled' && !reachabilityUnknown
      ? `${NAME} is not installed yet, but automatic root updates are on and the update source answers: Windows downloads it the first time a program needs it.`
      : `${NAME} is not installed yet. Windows normally downloads it the first time a program needs it${autoUpdate === 'unknown' ? ', but the automatic-update policy could not be read' : ''}${reachabilityUnknown ? ' (whether the update source can be reached was not checked)' : ''}. If this computer has no internet access, install it by hand.`;
  findings.push({
    id: 'root-missing-auto-update',
    severity: autoUpdate === 'enabled' && !reachabilityUnknown ? 'info' : 'warning',
    title: 'The Microsoft root certificate is not installed yet (Windows can fetch it)',
    explanation: reason,
    evidence,
  });
  return { diagnosis: { status: 'missing', autoUpdate, required: false, thumbprint: THUMBPRINT, foundIn, reason }, findings };
}

/** Signatures whose chain ends in the ACS root but are not trusted, and events carrying CERT_E_UNTRUSTEDROOT. */
function untrustedRootEvidence(snapshot: Snapshot): Evidence[] {
  const evidence: Evidence[] = [];
  for (const [index, signature] of (snapshot.signatures ?? []).entries()) {
    if (signature.status === 'NotTrusted' && (signature.rootThumbprint === THUMBPRINT || signature.rootThumbprint === null)) {
      evidence.push({ path: `signatures[${index}].status`, value: signature.status, note: signature.path });
    }
  }
  for (const [index, event] of (snapshot.events ?? []).entries()) {
    if (event.data.some((value) => UNTRUSTED_ROOT_CODES.has(value.trim().toLowerCase()))) {
      evidence.push({ path: `events[${index}].data`, value: event.data, note: `${event.provider} ${event.id}: untrusted root` });
    }
  }
  return evidence;
}
