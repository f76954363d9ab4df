// The end: the check after the fixes says whether the agent's services run; if not, what is left.
import { useActions, useSlice } from '../app/context.js';
import { Notice } from '../components/Notice.js';
import { StepHeading } from '../components/StepHeading.js';
import { messages } from '../messages/index.js';
import { sessionStore } from '../state/session.js';

const text = messages.done;

export function DoneScreen() {
  const actions = useActions();
  const diagnosis = useSlice(sessionStore, (s) => s.diagnosis);
  if (!diagnosis) return null;
  const ready = diagnosis.verdict === 'ready';
  const services = diagnosis.agentServices.services;
  return (
    <section aria-labelledby="done-heading">
      <StepHeading id="done-heading">{ready ? text.heading : text.stillBroken}</StepHeading>
      <Notice tone={ready ? 'success' : 'warning'}>
        <p className="headline" data-testid="headline">
          {diagnosis.headline}
        </p>
        {ready ? <p>{text.text}</p> : <p>{text.stillBrokenText}</p>}
      </Notice>
      {services.length > 0 ? (
        <>
          <h2>{text.servicesHeading}</h2>
          <ul className="services" data-testid="services">
            {services.map((service) => (
              <li key={service.name} className={`service service-${service.status}`}>
                <strong>{service.displayName}</strong>: {service.state}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="actions">
        {!ready ? (
          <button type="button" className="primary" onClick={() => actions.go({ kind: 'result' })}>
            {text.seeResult}
          </button>
        ) : null}
        <button type="button" className={ready ? 'primary' : undefined} onClick={() => void actions.openReport()}>
          {messages.result.exportReport}
        </button>
        <button type="button" onClick={() => actions.startOver()}>
          {messages.common.startOver}
        </button>
      </div>
    </section>
  );
}
