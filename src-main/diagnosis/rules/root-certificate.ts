// Rule: can Windows find the root "Microsoft Identity Verification Root Certificate Authority 2020"?
// Present in any trusted-root store is enough; in the Disallowed store it is distrusted whatever else
// holds it. Missing only matters when Windows cannot fetch it by itself (automatic root update off by
// policy, the update source unreachable) or when agent binaries already fail on an untrusted root.
import { english, finding, m, note, type MessageRef } from '../text.js';
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
  const autoUpdate: RootCertificateDiagnosis['autoUpdate'] = policy?.disabledByPolicy === true ? 'disabled' : policy?.disabledByPolicy === false ? 'enabled' : 'unknown';
  const findings: Finding[] = [];
  const policyEvidence: Evidence[] = [];
  if (policy) policyEvidence.push({ path: 'rootAutoUpdate.disabledByPolicy', value: policy.disabledByPolicy });
  if (policy && policy.reachable !== null) policyEvidence.push({ path: 'rootAutoUpdate.reachable', value: policy.reachable });
  if (policy?.rootDirUrl) policyEvidence.push({ path: 'rootAutoUpdate.rootDirUrl', value: policy.rootDirUrl, ...note(m('ev.internalSource')) });

  if (autoUpdate === 'disabled') {
    findings.push(
      finding(
        'root-auto-update-disabled',
        'info',
        m('root.autoUpdateOff.title'),
        m('root.autoUpdateOff.explanation'),
        policyEvidence.filter((entry) => entry.path === 'rootAutoUpdate.disabledByPolicy'),
      ),
    );
  }

  const certificates = snapshot.certificates ?? null;
  if (!certificates) {
    const reason = m('root.unknown.reason');
    findings.push(finding('root-unknown', 'warning', m('root.unknown.title'), reason, [{ path: 'certificates', value: null }]));
    return { diagnosis: { status: 'unknown', autoUpdate, required: false, thumbprint: THUMBPRINT, foundIn: [], ...reasonFields(reason) }, findings };
  }

  const disallowedIndex = certificates.disallowed.findIndex((cert) => cert.thumbprint === THUMBPRINT);
  const trusted = certificates.root.map((cert, index) => ({ cert, index })).filter(({ cert }) => cert.thumbprint === THUMBPRINT && (TRUSTED_ROOT_STORES as readonly string[]).includes(cert.store));
  const foundIn = [...new Set([...trusted.map(({ cert }) => cert.store), ...(disallowedIndex >= 0 ? ['Disallowed'] : [])])];

  if (disallowedIndex >= 0) {
    const reason = m('root.disallowed.reason', { name: NAME });
    findings.push(finding('root-disallowed', 'critical', m('root.disallowed.title'), reason, [{ path: `certificates.disallowed[${disallowedIndex}].thumbprint`, value: THUMBPRINT }]));
    return { diagnosis: { status: 'disallowed', autoUpdate, required: true, thumbprint: THUMBPRINT, foundIn, ...reasonFields(reason) }, findings };
  }

  if (trusted.length > 0) {
    const first = trusted[0]!;
    const reason = m('root.present.reason', { name: NAME, stores: foundIn.join(', ') });
    findings.push(
      finding('root-present', 'info', m('root.present.title'), reason, [
        { path: `certificates.root[${first.index}].thumbprint`, value: THUMBPRINT, ...note(m('ev.store', { store: first.cert.store })) },
      ]),
    );
    return { diagnosis: { status: 'present', autoUpdate, required: false, thumbprint: THUMBPRINT, foundIn, ...reasonFields(reason) }, findings };
  }

  // Missing: does it matter?
  const untrustedRoot = untrustedRootEvidence(snapshot);
  const unreachable = policy?.reachable === false;
  const causes: MessageRef[] = [];
  if (autoUpdate === 'disabled') causes.push(m('root.cause.policy'));
  if (unreachable) causes.push(policy?.rootDirUrl ? m('root.cause.unreachableUrl', { url: policy.rootDirUrl }) : m('root.cause.unreachable'));
  if (untrustedRoot.length > 0) causes.push(m('root.cause.untrustedRoot'));
  else if (input.agentSignatureFailure && input.windowsUpdateOk) causes.push(m('root.cause.signatureFails'));
  const evidence: Evidence[] = [
    { path: 'certificates.root', value: `${certificates.root.length} certificate${certificates.root.length === 1 ? '' : 's'}, none with thumbprint ${THUMBPRINT}` },
    ...policyEvidence,
    ...untrustedRoot,
  ];

  if (causes.length > 0) {
    const reason = m('root.missing.reason', { name: NAME, thumbprint: THUMBPRINT, causes });
    findings.push(finding('root-missing', 'critical', m('root.missing.title'), m('root.missing.explanation', { reason }), evidence));
    return { diagnosis: { status: 'missing', autoUpdate, required: true, thumbprint: THUMBPRINT, foundIn, ...reasonFields(reason) }, findings };
  }

  const reachabilityUnknown = policy?.reachable == null;
  const reason =
    autoUpdate === 'enabled' && !reachabilityUnknown
      ? m('root.fetchable.reason', { name: NAME })
      : m('root.fetchable.unsure', { name: NAME, policyUnknown: autoUpdate === 'unknown', reachabilityUnknown });
  findings.push(finding('root-missing-auto-update', autoUpdate === 'enabled' && !reachabilityUnknown ? 'info' : 'warning', m('root.fetchable.title'), reason, evidence));
  return { diagnosis: { status: 'missing', autoUpdate, required: false, thumbprint: THUMBPRINT, foundIn, ...reasonFields(reason) }, findings };
}

function reasonFields(reason: MessageRef): { reason: string; reasonMessage: MessageRef } {
  return { reason: english(reason), reasonMessage: reason };
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
      evidence.push({ path: `events[${index}].data`, value: event.data, ...note(m('ev.untrustedRoot', { provider: event.provider, id: event.id })) });
    }
  }
  return evidence;
}
