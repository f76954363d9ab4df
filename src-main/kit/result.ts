// Back on the laptop: what a kit did on its computer (result/result.json, result/journal.jsonl, and the
// fresh snapshot result/snapshot-after.json with its diagnosis), per step done / failed / still to do.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { diagnose } from '../diagnosis/diagnose.js';
import type { Diagnosis } from '../diagnosis/schema.js';
import { message, renderMessage, type MessageRef } from '../shared/i18n/index.js';
import { readSnapshotFile } from '../snapshot/parse.js';
import type { Snapshot } from '../snapshot/schema.js';
import {
  fileSha256,
  KIT_JSON,
  kitDescriptionSchema,
  kitFileNameSchema,
  kitResultSchema,
  MANIFEST_JSON,
  manifestSchema,
  RESULT_FOLDER,
  RESULT_JSON,
  type KitDescription,
  type KitResult,
  type KitStepState,
} from './kit-files.js';

export interface KitStepReport {
  index: number;
  step: string;
  title: string;
  state: KitStepState;
  message: string | null;
}

export interface KitReadBack {
  kit: KitDescription;
  /** Files of the kit whose SHA-256 is not the manifest's (changed on the way; the kit stops at such a file). */
  changedFiles: string[];
  /** null: the kit has not been run yet (no result/result.json). */
  result: KitResult | null;
  steps: KitStepReport[];
  snapshot: Snapshot | null;
  snapshotError: string | null;
  /** snapshotError as a message, when it is this program's own (a parse error is the parser's words). */
  snapshotErrorMessage?: MessageRef;
  diagnosis: Diagnosis | null;
}

/** A folder that is not a kit, or a damaged kit: English words and the same as a message of the catalogue (kit.read.*). */
export class KitReadError extends Error {
  constructor(readonly messageRef: MessageRef) {
    super(renderMessage(messageRef, 'en'));
  }
}

async function readJson(path: string): Promise<unknown> {
  return JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''));
}

export async function readKitResult(dir: string): Promise<KitReadBack> {
  const kitPath = join(dir, KIT_JSON);
  if (!existsSync(kitPath)) throw new KitReadError(message('kit.read.notAKit', { dir, file: KIT_JSON }));
  const kitParsed = kitDescriptionSchema.safeParse(await readJson(kitPath).catch(() => null));
  if (!kitParsed.success) throw new KitReadError(message('kit.read.damaged', { dir, file: KIT_JSON }));
  const kit = kitParsed.data;
  const changedFiles: string[] = [];
  const manifest = manifestSchema.safeParse(await readJson(join(dir, MANIFEST_JSON)).catch(() => null));
  if (!manifest.success) changedFiles.push(MANIFEST_JSON);
  else
    for (const file of manifest.data.files) {
      const path = join(dir, file.path);
      if (!existsSync(path) || (await fileSha256(path)) !== file.sha256) changedFiles.push(file.path);
    }

  let result: KitResult | null = null;
  const resultPath = join(dir, RESULT_FOLDER, RESULT_JSON);
  if (existsSync(resultPath)) {
    const parsed = kitResultSchema.safeParse(await readJson(resultPath).catch(() => null));
    if (!parsed.success) throw new KitReadError(message('kit.read.resultDamaged', { file: `${RESULT_FOLDER}/${RESULT_JSON}` }));
    if (parsed.data.kitId && parsed.data.kitId !== kit.kitId) throw new KitReadError(message('kit.read.otherKit', { file: `${RESULT_FOLDER}/${RESULT_JSON}` }));
    result = parsed.data;
  }
  const steps: KitStepReport[] = kit.steps.map((step, index) => {
    const done = result?.steps.find((entry) => entry.index === index && entry.step === step.step);
    return { index, step: step.step, title: step.title, state: done?.state ?? 'to-do', message: done?.message ?? null };
  });

  let snapshot: Snapshot | null = null;
  let snapshotError: string | null = null;
  let snapshotErrorMessage: MessageRef | null = null;
  const snapshotName = result?.snapshotFile;
  if (snapshotName) {
    if (!kitFileNameSchema.safeParse(snapshotName).success) {
      snapshotErrorMessage = message('kit.read.snapshotNotInKit');
      snapshotError = renderMessage(snapshotErrorMessage, 'en');
    } else {
      const parsed = await readSnapshotFile(join(dir, RESULT_FOLDER, snapshotName));
      if (parsed.ok) snapshot = parsed.snapshot;
      else snapshotError = parsed.error;
    }
  }
  return { kit, changedFiles, result, steps, snapshot, snapshotError, ...(snapshotErrorMessage ? { snapshotErrorMessage } : {}), diagnosis: snapshot ? diagnose(snapshot) : null };
}
