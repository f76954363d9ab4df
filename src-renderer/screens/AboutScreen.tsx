// About (issue 16, point 9): the version, which window this is, and where the assistant keeps its
// action journal and its reports, each with Copy and Open folder.
import { useEffect, useState } from 'react';
import type { AppPlaces } from '../../src-main/contract/index.js';
import { useActions } from '../app/context.js';
import { Notice } from '../components/Notice.js';
import { PlaceLine } from '../components/Places.js';
import { StepHeading } from '../components/StepHeading.js';
import { messages } from '../messages/index.js';

const text = messages.about;

export function AboutScreen() {
  const actions = useActions();
  const [places, setPlaces] = useState<AppPlaces | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void actions.getPlaces().then((answer) => {
      if (!live) return;
      if (answer.ok) setPlaces(answer.value);
      else setError(answer.message);
    });
    return () => {
      live = false;
    };
  }, [actions]);
  return (
    <section aria-labelledby="about-heading">
      <StepHeading id="about-heading">{text.heading}</StepHeading>
      {places ? (
        <div data-testid="about">
          <p>
            {text.version(places.version)} · {places.shell === 'electron' ? text.desktopApp : text.preview}
          </p>
          <h2>{text.journalHeading}</h2>
          <p>{text.journalText}</p>
          <p>
            <PlaceLine value={places.journalFile} what={messages.places.what.journal} folder={places.dataFolder} testId="about-journal" />
          </p>
          <h2>{text.reportsHeading}</h2>
          <p>{text.reportsText}</p>
          <p>
            <PlaceLine value={places.reportsFolder} what={messages.places.what.reportsFolder} folder={places.reportsFolder} testId="about-reports" />
          </p>
          <h2>{text.dataHeading}</h2>
          <p>{text.dataText}</p>
          <p>
            <PlaceLine value={places.dataFolder} what={messages.places.what.dataFolder} folder={places.dataFolder} testId="about-data" />
          </p>
        </div>
      ) : null}
      {error ? (
        <Notice tone="problem" role="alert">
          {error}
        </Notice>
      ) : null}
      <div className="actions">
        <button type="button" onClick={() => actions.back()}>
          {messages.common.back}
        </button>
      </div>
    </section>
  );
}
