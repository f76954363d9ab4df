// The list of what is being checked: one line per probe section, ticking off as results arrive, with
// a polite live region announcing each change for screen readers.
import { messages } from '../messages/index.js';
import { checkingStore, type CheckingState, type SectionLine, type SectionProgress } from '../state/checking.js';
import { useSlice } from '../app/context.js';

const text = messages.checking;

function sectionLabel(section: string): string {
  return text.sections[section] ?? section;
}

function announcement(event: SectionProgress | null): string {
  if (!event) return '';
  const label = sectionLabel(event.section);
  return text.announce[event.status](label);
}

const MARK: Record<SectionLine['status'], string> = { waiting: '○', started: '◌', done: '✓', failed: '!', skipped: '–' };

export function ProbeProgressList() {
  const state: CheckingState = useSlice(checkingStore, (s) => s);
  return (
    <>
      <ol className="probe-list" aria-label={text.listLabel}>
        {state.lines.map((line) => (
          <li key={line.section} className={`probe-line probe-${line.status}`} data-section={line.section}>
            <span className="probe-mark" aria-hidden="true">
              {MARK[line.status]}
            </span>
            <span className="probe-name">{sectionLabel(line.section)}</span>
            <span className="probe-status">
              {text.status[line.status]}
              {line.elapsedMs !== null && line.status !== 'started' ? ` · ${messages.common.seconds(line.elapsedMs)}` : ''}
            </span>
            {line.status === 'failed' && line.message ? <span className="probe-message">{line.message}</span> : null}
          </li>
        ))}
      </ol>
      <p className="elapsed" data-testid="elapsed">
        {text.elapsed(state.elapsedMs)}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcement(state.lastEvent)}
      </p>
    </>
  );
}
