// Rule: are the Trend Micro agent services running, and if not, is a signature failure the reason?
// A service counts as failed-signature when it is not running and the snapshot shows exit code 577,
// an SCM 7000/7023 event with "%%577", a Code Integrity 3004/3033/3089/3104 event naming its file,
// or a signature status other than Valid on its binary.
import { finding, m, note } from '../text.js';
import { ACS_INTERMEDIATES, ACS_ISSUER_PATTERN, ACS_ROOT_CERTIFICATE } from '../../catalogue/root-certificate.js';
import { findTrendAgentService } from '../../catalogue/trend-agents.js';
import type { Service, Snapshot } from '../../snapshot/schema.js';
import type { AgentServiceDiagnosis, AgentServicesDiagnosis, Evidence, Finding } from '../schema.js';
import { comparablePath, executableFromImagePath, windowsBaseName } from './helpers.js';
import { codeIntegrityFile, isDenyListBlock, isDriverFile, linkedSignatures } from './code-integrity.js';
import {
  CODE_INTEGRITY_FILE_FAILURE_IDS,
  DEPENDENCY_FAILED_EXIT_CODE,
  isCodeIntegrityEvent,
  isScmEvent,
  NEVER_STARTED_EXIT_CODE,
  SCM_OTHER_FAILURE_IDS,
  SCM_SERVICE_SPECIFIC_ERROR_ID,
  SCM_START_FAILURE_IDS,
  SERVICE_SPECIFIC_TRUST_CODES,
  SIGNATURE_EVENT_CODES,
  SIGNATURE_EXIT_CODES,
} from './signature-evidence.js';

export interface AgentServicesResult {
  diagnosis: AgentServicesDiagnosis;
  findings: Finding[];
  /** Services that should run and do not (start-agent-services step). */
  toStart: string[];
  /** An agent binary is damaged or unsigned: no Windows fix will help. */
  damagedBinaries: string[];
}

const EXPECTED_TO_RUN = new Set(['Automatic', 'AutomaticDelayed', 'Boot', 'System']);

interface ServiceCheck {
  entry: AgentServiceDiagnosis;
  expectedToRun: boolean;
  evidence: Evidence[];
  otherFailure: Evidence[];
  damaged: string | null;
}

export function checkAgentServices(snapshot: Snapshot): AgentServicesResult {
  const products = (snapshot.products ?? []).filter((product) => /trend micro|apex one|officescan|worry-free|deep security/i.test(product.name));
  const productNames = products.map((product) => (product.version ? `${product.name} ${product.version}` : product.name));
  if (!snapshot.services) {
    return {
      diagnosis: { status: 'unknown', services: [], products: productNames },
      findings: [finding('agent-unknown', 'warning', m('agent.unknown.title'), m('agent.unknown.explanation'), [{ path: 'services', value: null }])],
      toStart: [],
      damagedBinaries: [],
    };
  }

  const checks: ServiceCheck[] = [];
  const otherVendors: ServiceCheck[] = [];
  for (const [index, service] of snapshot.services.entries()) {
    const catalogue = findTrendAgentService(service);
    if (catalogue) {
      checks.push(checkService(snapshot, service, index, catalogue.product));
      continue;
    }
    // Another vendor's program that moved to Trusted Signing fails the same way: a stopped service
    // with signature evidence whose binary is ACS-signed (its chain runs through the "Microsoft ID
    // Verified CS" intermediates, or a linked Code Integrity 3089 names such an issuer).
    if (service.state === 'Running') continue;
    const check = checkService(snapshot, service, index, OTHER_VENDOR_PRODUCT);
    if (check.entry.status !== 'failed-signature') continue;
    const proof = acsSignedProof(snapshot, service, check);
    if (proof.length === 0) continue;
    check.evidence.push(...proof);
    if (!check.entry.signatureEvidence.includes(ACS_SIGNED_NOTE)) check.entry.signatureEvidence.push('ACS-signed (certificate chain)');
    otherVendors.push(check);
  }
  const otherFindings = otherVendorFindings(otherVendors);

  if (checks.length === 0 && otherVendors.length > 0) {
    return {
      diagnosis: { status: 'failed-signature', services: otherVendors.map((check) => check.entry), products: productNames },
      findings: [
        ...otherFindings,
        finding('agent-not-installed', 'info', m('agent.noTrend.title'), m('agent.noTrend.otherVendor'), [{ path: 'services', value: snapshot.services.map((s) => s.name) }]),
      ],
      toStart: otherVendors.filter((check) => check.expectedToRun).map((check) => check.entry.name),
      damagedBinaries: [],
    };
  }

  if (checks.length === 0) {
    const explanation = productNames.length > 0 ? m('agent.notInstalled.incomplete', { products: productNames.join(', ') }) : m('agent.notInstalled.none');
    return {
      diagnosis: { status: 'not-installed', services: [], products: productNames },
      findings: [
        finding('agent-not-installed', productNames.length > 0 ? 'warning' : 'info', m('agent.notInstalled.title'), explanation, [{ path: 'services', value: snapshot.services.map((s) => s.name) }]),
      ],
      toStart: [],
      damagedBinaries: [],
    };
  }

  const findings: Finding[] = [];
  const bySignature = checks.filter((check) => check.entry.status === 'failed-signature');
  const byOther = checks.filter((check) => check.entry.status === 'failed-other');
  const stopped = checks.filter((check) => check.entry.status === 'stopped' && check.expectedToRun);
  const disabled = checks.filter((check) => check.entry.status === 'disabled');
  const damaged = checks.flatMap((check) => (check.damaged ? [check.damaged] : []));

  if (bySignature.length > 0) {
    findings.push(
      finding(
        'agent-signature-failure',
        'critical',
        m('agent.signature.title'),
        m('agent.signature.explanation', names(bySignature)),
        bySignature.flatMap((check) => check.evidence),
      ),
    );
  }
  if (byOther.length > 0) {
    const dependencyOnly = byOther.every((check) => check.entry.exitCode === DEPENDENCY_FAILED_EXIT_CODE) && bySignature.length > 0;
    findings.push(
      finding(
        'agent-failed-other',
        dependencyOnly ? 'info' : 'warning',
        dependencyOnly ? m('agent.dependency.title') : m('agent.otherFailure.title'),
        dependencyOnly ? m('agent.dependency.explanation', names(byOther)) : m('agent.otherFailure.explanation', names(byOther)),
        byOther.flatMap((check) => check.otherFailure),
      ),
    );
  }
  if (stopped.length > 0) {
    findings.push(
      finding(
        'agent-stopped',
        'warning',
        m('agent.stopped.title'),
        m('agent.stopped.explanation', names(stopped)),
        stopped.map((check) => ({ path: check.evidence[0]?.path ?? 'services', value: check.entry.state, note: check.entry.name })),
      ),
    );
  }
  if (disabled.length > 0) {
    findings.push(
      finding(
        'agent-disabled',
        'warning',
        m('agent.disabled.title'),
        m('agent.disabled.explanation', names(disabled)),
        disabled.map((check) => ({ path: 'services', value: check.entry.startType, note: check.entry.name })),
      ),
    );
  }
  if (damaged.length > 0) {
    findings.push(
      finding(
        'agent-binary-damaged',
        'critical',
        m('agent.damaged.title'),
        m('agent.damaged.explanation', { files: damaged, count: damaged.length }),
        checks.filter((check) => check.damaged).flatMap((check) => check.evidence.filter((e) => e.path.startsWith('signatures'))),
      ),
    );
  }

  findings.push(...otherFindings);
  const status: AgentServicesDiagnosis['status'] =
    bySignature.length > 0 || otherVendors.length > 0
      ? 'failed-signature'
      : byOther.length > 0
        ? 'failed-other'
        : stopped.length > 0
          ? 'stopped'
          : checks.some((c) => c.entry.status === 'running')
            ? 'running'
            : 'stopped';
  if (status === 'running') {
    findings.push(
      finding('agent-running', 'info', m('agent.running.title'), m('agent.running.explanation', names(checks.filter((c) => c.entry.status === 'running'))), [
        { path: 'services', value: checks.map((c) => `${c.entry.name}: ${c.entry.state}`) },
      ]),
    );
  }
  const toStart = [...checks, ...otherVendors].filter((check) => check.expectedToRun && check.entry.status !== 'running' && check.entry.status !== 'disabled').map((check) => check.entry.name);
  return { diagnosis: { status, services: [...checks, ...otherVendors].map((check) => check.entry), products: productNames }, findings, toStart, damagedBinaries: damaged };
}

function checkService(snapshot: Snapshot, service: Service, index: number, product: string): ServiceCheck {
  const entry: AgentServiceDiagnosis = {
    name: service.name,
    displayName: service.displayName || service.name,
    product,
    state: service.state,
    startType: service.startType,
    exitCode: service.exitCode,
    status: 'running',
    signatureEvidence: [],
  };
  const expectedToRun = EXPECTED_TO_RUN.has(service.startType);
  if (service.state === 'Running') return { entry, expectedToRun, evidence: [{ path: `services[${index}].state`, value: 'Running' }], otherFailure: [], damaged: null };

  const evidence: Evidence[] = [{ path: `services[${index}].state`, value: service.state, note: service.name }];
  const otherFailure: Evidence[] = [];
  const signatureNotes: string[] = [];
  let damaged: string | null = null;

  if (service.exitCode !== null && SIGNATURE_EXIT_CODES.has(service.exitCode)) {
    evidence.push({ path: `services[${index}].exitCode`, value: service.exitCode, ...note(m('ev.signatureNotVerified')) });
    signatureNotes.push(`exit code ${service.exitCode}`);
  }
  const names = new Set([service.name.toLowerCase(), (service.displayName || '').toLowerCase()]);
  const executable = service.imagePath ? executableFromImagePath(service.imagePath) : null;
  const exeName = executable ? windowsBaseName(executable) : null;
  const exeFolder = executable ? comparablePath(executable).replace(/\\[^\\]*$/, '\\') : null;

  for (const [eventIndex, event] of (snapshot.events ?? []).entries()) {
    if (isScmEvent(event.provider) && SCM_OTHER_FAILURE_IDS.has(event.id)) {
      if (!names.has((event.data[0] ?? '').trim().toLowerCase())) continue;
      // 7000/7023 carry a Win32 code; 7024 a service-specific one, which counts only when it is a
      // certificate-trust HRESULT (CERT_E_UNTRUSTEDROOT / CERT_E_CHAINING).
      const codes = event.id === SCM_SERVICE_SPECIFIC_ERROR_ID ? SERVICE_SPECIFIC_TRUST_CODES : SIGNATURE_EVENT_CODES;
      const code = event.data.slice(1).find((value) => codes.has(value.trim()));
      if ((SCM_START_FAILURE_IDS.has(event.id) || event.id === SCM_SERVICE_SPECIFIC_ERROR_ID) && code) {
        evidence.push({ path: `events[${eventIndex}].data`, value: event.data, note: `Service Control Manager ${event.id} (${event.time})` });
        signatureNotes.push(`SCM event ${event.id} ${code}`);
      } else {
        otherFailure.push({ path: `events[${eventIndex}].data`, value: event.data, note: `Service Control Manager ${event.id} (${event.time})` });
      }
    } else if (isCodeIntegrityEvent(event.provider, event.log) && exeName) {
      // Only the file that failed counts (never the process that loaded it): the service's own
      // program, or a library in its folder; another program in the same folder belongs to another
      // service, and a driver (.sys) is not signed through ACS.
      if (!CODE_INTEGRITY_FILE_FAILURE_IDS.has(event.id) && !isDenyListBlock(event)) continue;
      const file = codeIntegrityFile(event);
      if (!file || isDriverFile(file)) continue;
      const name = windowsBaseName(file);
      const mentions = name === exeName || (exeFolder !== null && name.endsWith('.dll') && comparablePath(file).startsWith(exeFolder));
      if (!mentions) continue;
      if (isDenyListBlock(event)) {
        otherFailure.push({ path: `events[${eventIndex}].data`, value: event.data, ...note(m('ev.denyList', { id: event.id, time: event.time, name })) });
        continue;
      }
      evidence.push({ path: `events[${eventIndex}].data`, value: event.data, note: `Code Integrity ${event.id} (${event.time})` });
      signatureNotes.push(`Code Integrity event ${event.id}`);
      for (const signer of linkedSignatures(snapshot.events ?? [], eventIndex)) {
        evidence.push({
          path: `events[${signer.index}].data`,
          value: snapshot.events![signer.index]!.data,
          ...note(signer.acs ? m('ev.signerAcs', { issuer: signer.issuer ?? '' }) : signer.issuer ? m('ev.signer', { issuer: signer.issuer }) : m('ev.signerUnknown')),
        });
        if (signer.acs) signatureNotes.push('ACS-signed (Code Integrity 3089)');
      }
    }
  }
  if (executable) {
    const target = comparablePath(executable);
    for (const [signatureIndex, signature] of (snapshot.signatures ?? []).entries()) {
      if (comparablePath(signature.path) !== target || signature.status === 'Valid') continue;
      evidence.push({ path: `signatures[${signatureIndex}].status`, value: signature.status, note: signature.path });
      signatureNotes.push(`signature ${signature.status}`);
      if (signature.status === 'HashMismatch' || signature.status === 'NotSigned') damaged = signature.path;
    }
  }

  if (executable && isDriverFile(executable) && signatureNotes.length > 0) {
    // A kernel driver is signed through Microsoft's hardware programme, not ACS (driver-load-failure).
    otherFailure.push(...evidence.slice(1).map((item) => ({ ...item, ...note(m('ev.driverNotAcs', { note: item.noteMessage ?? item.note ?? '' })) })));
    signatureNotes.length = 0;
    evidence.length = 1;
  }
  entry.signatureEvidence = [...new Set(signatureNotes)];
  if (service.startType === 'Disabled') entry.status = 'disabled';
  else if (signatureNotes.length > 0) entry.status = 'failed-signature';
  else if (otherFailure.length > 0 || (service.exitCode !== null && service.exitCode !== 0 && service.exitCode !== NEVER_STARTED_EXIT_CODE)) {
    entry.status = 'failed-other';
    if (service.exitCode !== null && service.exitCode !== 0) otherFailure.unshift({ path: `services[${index}].exitCode`, value: service.exitCode, note: service.name });
  } else entry.status = 'stopped';
  return { entry, expectedToRun, evidence, otherFailure, damaged };
}

/** The product label of a service that is not Trend Micro's but ACS-signed and failing. */
export const OTHER_VENDOR_PRODUCT = 'Another vendor (ACS-signed)';
const ACS_SIGNED_NOTE = 'ACS-signed (Code Integrity 3089)';
const ACS_CHAIN_THUMBPRINTS: ReadonlySet<string> = new Set([ACS_ROOT_CERTIFICATE.sha1Thumbprint, ...ACS_INTERMEDIATES.map((entry) => entry.sha1Thumbprint)]);

/** Evidence that a service's binary is signed through Trusted Signing (ACS); empty when there is none. */
function acsSignedProof(snapshot: Snapshot, service: Service, check: ServiceCheck): Evidence[] {
  const proof: Evidence[] = [];
  if (service.imagePath) {
    const target = comparablePath(executableFromImagePath(service.imagePath));
    for (const [index, signature] of (snapshot.signatures ?? []).entries()) {
      if (comparablePath(signature.path) !== target) continue;
      if (signature.signerIssuer && ACS_ISSUER_PATTERN.test(signature.signerIssuer))
        proof.push({ path: `signatures[${index}].signerIssuer`, value: signature.signerIssuer, ...note(m('ev.acsSigned')) });
      else if (signature.rootThumbprint === ACS_ROOT_CERTIFICATE.sha1Thumbprint)
        proof.push({ path: `signatures[${index}].rootThumbprint`, value: signature.rootThumbprint, ...note(m('ev.chainEndsIn', { name: ACS_ROOT_CERTIFICATE.name })) });
      else if (signature.chainThumbprints?.some((thumbprint) => ACS_CHAIN_THUMBPRINTS.has(thumbprint)))
        proof.push({ path: `signatures[${index}].chainThumbprints`, value: signature.chainThumbprints, ...note(m('ev.chainIntermediates')) });
    }
  }
  if (proof.length === 0 && check.entry.signatureEvidence.includes(ACS_SIGNED_NOTE)) {
    proof.push(...check.evidence.filter((entry) => /signed through Azure Code Signing/.test(entry.note ?? '')));
  }
  return proof;
}

function otherVendorFindings(otherVendors: readonly ServiceCheck[]): Finding[] {
  if (otherVendors.length === 0) return [];
  return [
    finding(
      'other-vendor-acs-failure',
      'critical',
      m('agent.otherVendor.title'),
      m('agent.otherVendor.explanation', names(otherVendors)),
      otherVendors.flatMap((check) => check.evidence),
    ),
  ];
}

/** The services' display names and how many (the texts choose singular or plural with it). */
function names(checks: readonly ServiceCheck[]): { names: string[]; count: number } {
  return { names: checks.map((check) => check.entry.displayName), count: checks.length };
}
