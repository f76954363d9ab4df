// "Show technical details": the facts behind the headline for the helpdesk (build numbers, KBs,
// thumbprints, services with exit codes and event IDs, each finding's evidence).
import type { Diagnosis } from '../../src-main/contract/index.js';
import { useActions } from '../app/context.js';
import { messages } from '../messages/index.js';

const text = messages.result.technical;

function list(values: readonly string[]): string {
  return values.length > 0 ? values.join(', ') : text.none;
}

function show(value: unknown): string {
  if (value === null || value === undefined) return text.unknown;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function TechnicalDetails({ diagnosis }: { diagnosis: Diagnosis }) {
  const actions = useActions();
  const { windows, windowsUpdate, rootCertificate, agentServices } = diagnosis;
  return (
    <details className="technical">
      <summary>{messages.result.showTechnical}</summary>
      <h2 className="visually-hidden">{messages.result.technicalHeading}</h2>
      <dl className="facts">
        <dt>{text.windows}</dt>
        <dd>{windows ? `${windows.name} (${windows.installationType}, ${windows.architecture})` : text.unknown}</dd>
        <dt>{text.build}</dt>
        <dd className="mono">{show(windowsUpdate.currentBuild ?? windows?.build)}</dd>
        <dt>{text.minimumBuild}</dt>
        <dd className="mono">{show(windowsUpdate.minimumBuild)}</dd>
        <dt>{text.requiredUpdate}</dt>
        <dd className="mono">{windowsUpdate.requiredKb ?? text.none}</dd>
        <dt>{text.acceptedUpdates}</dt>
        <dd className="mono">
          {windowsUpdate.acceptedKbs.length > 5 ? (
            <details className="kb-list">
              <summary>{text.acceptedUpdatesCount(windowsUpdate.acceptedKbs.length)}</summary>
              {list(windowsUpdate.acceptedKbs)}
            </details>
          ) : (
            list(windowsUpdate.acceptedKbs)
          )}
        </dd>
        <dt>{text.satisfiedBy}</dt>
        <dd className="mono">{windowsUpdate.satisfiedBy ?? text.none}</dd>
        <dt>{text.rootCertificate}</dt>
        <dd>{text.rootStatus[rootCertificate.status]}</dd>
        <dt>{text.thumbprint}</dt>
        <dd className="mono">{rootCertificate.thumbprint}</dd>
        <dt>{text.foundIn}</dt>
        <dd>{list(rootCertificate.foundIn)}</dd>
        <dt>{text.autoUpdate}</dt>
        <dd>{text.autoUpdateStatus[rootCertificate.autoUpdate]}</dd>
      </dl>
      {agentServices.services.length > 0 ? (
        <>
          <h3>{text.services}</h3>
          <ul className="services">
            {agentServices.services.map((service) => (
              <li key={service.name}>
                {service.displayName || service.name} (<span className="mono">{service.name}</span>): {service.state}
                {service.exitCode !== null ? ` (${text.exitCode(service.exitCode)})` : ''}
                {service.signatureEvidence.length > 0 ? <span className="evidence-line">{service.signatureEvidence.join('; ')}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {diagnosis.findings.some((finding) => finding.evidence.length > 0) ? (
        <>
          <h3>{text.evidence}</h3>
          <ul className="evidence">
            {diagnosis.findings.flatMap((finding) =>
              finding.evidence.map((evidence, i) => (
                <li key={`${finding.id}-${i}`}>
                  <span className="mono">{evidence.path}</span> = <span className="mono">{show(evidence.value)}</span>
                  {evidence.note ? ` — ${evidence.note}` : ''}
                </li>
              )),
            )}
          </ul>
        </>
      ) : null}
      {windowsUpdate.sources.length > 0 ? (
        <>
          <h3>{text.sources}</h3>
          <ul className="sources">
            {windowsUpdate.sources.map((source) => (
              <li key={source.url}>
                <button type="button" className="link-button" onClick={() => void actions.openLink(source.url)}>
                  {source.title}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </details>
  );
}
