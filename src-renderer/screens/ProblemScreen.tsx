// Something stopped the assistant outside any step: say what, offer to start over.
import { useActions } from '../app/context.js';
import { Notice } from '../components/Notice.js';
import { StepHeading } from '../components/StepHeading.js';
import { messages } from '../messages/index.js';

export function ProblemScreen({ message }: { message: string }) {
  const actions = useActions();
  return (
    <section aria-labelledby="problem-heading">
      <StepHeading id="problem-heading">{messages.errors.heading}</StepHeading>
      <Notice tone="problem" role="alert">
        {message}
      </Notice>
      <div className="actions">
        <button type="button" className="primary" onClick={() => actions.startOver()}>
          {messages.common.startOver}
        </button>
      </div>
    </section>
  );
}
