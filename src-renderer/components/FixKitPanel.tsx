// The field kit on the result screen (docs/field-kit.md): for a received snapshot, or a Windows this app
// cannot run on (7, 8.1, Server 2008 – 2012 R2), "Build a fix kit" instead of pretending to fix here.
import { useEffect, useState } from 'react';
import type { KitBuildOutcome, KitInfo, KitReadView, LocalFile } from '../../src-main/contract/index.js';
import { useActions } from '../app/context.js';
import { messages } from '../messages/index.js';
import { Notice } from './Notice.js';
import { PlaceLine } from './Places.js';

const text = messages.kit;

type Shown = { kind: 'idle' } | { kind: 'building' } | { kind: 'pick'; candidates: LocalFile[] } | { kind: 'done'; outcome: KitBuildOutcome } | { kind: 'failed'; message: string };

export function FixKitPanel({ origin }: { origin: 'this-machine' | 'received' }) {
  const actions = useActions();
  const [info, setInfo] = useState<KitInfo | null>(null);
  const [shown, setShown] = useState<Shown>({ kind: 'idle' });
  const [read, setRead] = useState<KitReadView | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void actions.kitInfo().then((answer) => {
      if (live && answer.ok) setInfo(answer.value);
    });
    return () => {
      live = false;
    };
  }, [actions]);
  // On this computer the app fixes directly; the kit is for other computers and for Windows it cannot run on.
  if (!info || !info.offered || (origin === 'this-machine' && info.appRunsOnTarget)) return null;

  async function build(packagePath?: string) {
    setShown({ kind: 'building' });
    const answer = await actions.buildFixKit(packagePath);
    if (!answer.ok) return setShown({ kind: 'failed', message: answer.message });
    if (answer.value.status === 'pick') return setShown({ kind: 'pick', candidates: answer.value.candidates });
    setShown({ kind: 'done', outcome: answer.value });
  }

  async function readBack(folder: string) {
    const answer = await actions.readFixKit(folder);
    if (!answer.ok) return setReadError(answer.message);
    setReadError(null);
    setRead(answer.value);
  }

  const computer = info.computerName ?? '';
  return (
    <section className="fix-kit" aria-labelledby="fix-kit-heading" data-testid="fix-kit">
      <h2 id="fix-kit-heading">{text.heading}</h2>
      <p>{info.appRunsOnTarget ? text.offer(computer) : text.appCannotRun(info.productName ?? computer)}</p>
      <p>{text.steps}</p>
      <ol>
        {info.steps.map((step, index) => (
          <li key={index}>{step}</li>
        ))}
      </ol>
      {info.needsPackage && info.kb ? <p>{text.needsPackage(info.kb)}</p> : null}
      {shown.kind === 'pick' ? (
        <div>
          <p>{shown.candidates.length === 0 ? text.noFiles : text.chooseFile}</p>
          <ul className="choices">
            {shown.candidates.map((file) => (
              <li key={file.path}>
                <button type="button" onClick={() => void build(file.path)}>
                  {file.name}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {shown.kind === 'done' && shown.outcome.status === 'built' ? (
        <Notice tone="success" role="status">
          <p>{text.built(shown.outcome.folder)}</p>
          <p>
            <PlaceLine value={shown.outcome.folder} what={messages.places.what.kitFolder} folder={shown.outcome.folder} testId="kit-folder" showValue={false} />
          </p>
          <p>{text.builtSteps}</p>
          <ol>
            {shown.outcome.steps.map((step, index) => (
              <li key={index}>
                {step.title}
                {step.file ? ` (${step.file})` : ''}
              </li>
            ))}
          </ol>
          {shown.outcome.checks.length > 0 ? (
            <>
              <p>{text.checks}</p>
              <ul>
                {shown.outcome.checks.map((check, index) => (
                  <li key={index}>{check.message}</li>
                ))}
              </ul>
            </>
          ) : null}
          <button type="button" onClick={() => void readBack(shown.outcome.status === 'built' ? shown.outcome.folder : '')}>
            {text.readResult}
          </button>
        </Notice>
      ) : null}
      {read ? <KitReadBack read={read} /> : null}
      {readError ? (
        <Notice tone="problem" role="alert">
          {text.notAKit(readError)}
        </Notice>
      ) : null}
      {shown.kind === 'done' && shown.outcome.status === 'refused' ? (
        <Notice tone="problem" role="alert">
          <p>
            {text.refused} {shown.outcome.message}
          </p>
          <ul>
            {shown.outcome.details.map((detail, index) => (
              <li key={index}>{detail}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      {shown.kind === 'done' && shown.outcome.status === 'cancelled' ? <Notice tone="info">{text.cancelled}</Notice> : null}
      {shown.kind === 'failed' ? (
        <Notice tone="problem" role="alert">
          {text.failed(shown.message)}
        </Notice>
      ) : null}
      <div className="actions">
        <button type="button" className="primary" disabled={shown.kind === 'building'} onClick={() => void build()}>
          {shown.kind === 'building' ? text.building : text.build}
        </button>
      </div>
    </section>
  );
}

/** Per step done / failed / still to do, and the new diagnosis. */
function KitReadBack({ read }: { read: KitReadView }) {
  if (read.status === 'not-a-kit') return <Notice tone="problem">{text.notAKit(read.message)}</Notice>;
  if (read.status !== 'read') return null;
  return (
    <div className="kit-read-back" data-testid="kit-read-back">
      <h3>{text.resultHeading(read.computerName)}</h3>
      <p>{read.result ? read.result.message : text.notRun}</p>
      {read.changedFiles.length > 0 ? <Notice tone="warning">{text.changedFiles(read.changedFiles.join(', '))}</Notice> : null}
      <ol>
        {read.steps.map((step, index) => (
          <li key={index}>
            {step.title}: <strong>{text.state[step.state]}</strong>
            {step.message ? ` (${step.message})` : ''}
          </li>
        ))}
      </ol>
      {read.after ? <p>{text.after(read.after.headline)}</p> : null}
    </div>
  );
}
