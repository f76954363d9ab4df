// Offline path of an update step: the local .msu/.cab to install. In Electron a system dialog opens;
// the browser preview lists the files it offers, as radio buttons. It says which file fits this
// computer (KB and architecture, as the Microsoft Update Catalog names them) and marks each file offered;
// the chosen file's own checks (main process) then say once why it cannot be used.
import { useEffect, useRef, useState } from 'react';
import type { LocalFile } from '../../src-main/contract/index.js';
import { useActions } from '../app/context.js';
import { messages } from '../messages/index.js';
import { FocusOnMount } from './FocusOnMount.js';
import { fileArchitecture, fileFit, type FileFit, type WantedUpdate } from './update-file-fit.js';

export { wantedUpdate } from './update-file-fit.js';

const text = messages.fix;

function describeFile(file: LocalFile): string {
  const size = file.sizeBytes !== null ? ` · ${(file.sizeBytes / 1024 / 1024).toFixed(1)} MB` : '';
  return `${file.name}${file.kb ? ` (${file.kb})` : ''}${size}`;
}

function FitNote({ fit, file }: { fit: FileFit; file: LocalFile }) {
  if (fit === 'unknown') return null;
  const note = fit === 'fits' ? text.fileFits : fit === 'wrong-architecture' ? text.fileWrongArchitecture(fileArchitecture(file.name) ?? '') : text.fileOtherUpdate;
  return <span className={`file-fit file-fit-${fit}`}> — {note}</span>;
}

export function UpdateFilePicker({ index, candidates, chosen, wanted }: { index: number; candidates: LocalFile[] | null; chosen: LocalFile | null; wanted: WantedUpdate }) {
  const actions = useActions();
  const [selected, setSelected] = useState<string | null>(null);
  const list = useRef<HTMLFieldSetElement>(null);
  const offered = candidates !== null;
  // The files just offered take the focus (the button that asked for them is gone).
  useEffect(() => {
    if (offered) (list.current?.querySelector<HTMLInputElement>('input[type="radio"]') ?? list.current?.querySelector('button'))?.focus();
  }, [offered]);
  const kbText = wanted.kb ? (wanted.acceptsLaterKbs ? text.fileKbOrLater(wanted.kb) : text.fileKb(wanted.kb)) : null;
  const archText = wanted.architecture ? text.fileArchitecture(wanted.architecture) : null;
  return (
    <div className="file-picker">
      {kbText || archText ? (
        <p id={`file-wanted-${index}`} data-testid="file-wanted">
          {[kbText, archText].filter(Boolean).join(' ')}
        </p>
      ) : null}
      {chosen ? (
        <FocusOnMount key={chosen.path}>
          <p data-testid="chosen-file">
            {text.chosenFile} <strong className="mono">{describeFile(chosen)}</strong>
          </p>
        </FocusOnMount>
      ) : null}
      {candidates ? (
        <fieldset ref={list} aria-describedby={kbText || archText ? `file-wanted-${index}` : undefined}>
          <legend>{text.localFileLabel}</legend>
          {candidates.length === 0 ? <p>{text.noLocalFiles}</p> : null}
          {candidates.map((file) => (
            <label key={file.path} className="radio">
              <input type="radio" name={`update-file-${index}`} value={file.path} checked={selected === file.path} onChange={() => setSelected(file.path)} />
              <span className="mono">{describeFile(file)}</span>
              <FitNote fit={fileFit(file, wanted)} file={file} />
            </label>
          ))}
          <button type="button" disabled={!selected} onClick={() => selected && void actions.chooseUpdateFile(index, selected)}>
            {text.useThisFile}
          </button>
        </fieldset>
      ) : (
        <button type="button" onClick={() => void actions.listUpdateFiles(index)} aria-describedby={`file-hint-${index}`}>
          {chosen ? text.chooseOtherFile : text.chooseFile}
        </button>
      )}
      <p id={`file-hint-${index}`} className="hint">
        {text.localFileHint}
      </p>
    </div>
  );
}
