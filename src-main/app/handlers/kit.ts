// The field kit from the app (docs/field-kit.md): for the current snapshot (usually a received one of a
// Windows the app cannot run on), whether a kit is offered, and building it into a folder the person chooses.
import { join } from 'node:path';
import { BridgeError, type OperationResults, type ValidatedArgs } from '../../contract/index.js';
import { checkUpdatePackage } from '../../fixes/package-check.js';
import { appRunsOn, buildFixKit, KIT_STEP_KINDS, KitError, KitReadError, packageExpectation, readKitResult } from '../../kit/index.js';
import { isWindowsOs } from '../../snapshot/schema.js';
import type { AppSession } from '../session.js';

/** "2026-11-24T14:08:26.123Z" -> "20261124-140826". */
function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

export function kitHandlers(session: AppSession) {
  /** Kit folders built in this session: readFixKit may read them without a picker. */
  const built = new Set<string>();
  return {
    async kitInfo(): Promise<OperationResults['kitInfo']> {
      const { snapshot, diagnosis } = session.current();
      const windows = isWindowsOs(snapshot.os) ? snapshot.os : null;
      const plan = diagnosis.plan;
      const update = plan.find((step) => step.step === 'install-windows-update');
      const offered =
        windows !== null &&
        diagnosis.verdict === 'action-required' &&
        plan.length > 0 &&
        plan.every((step) => (KIT_STEP_KINDS as readonly string[]).includes(step.step)) &&
        !!snapshot.host?.computerName;
      return {
        offered,
        appRunsOnTarget: appRunsOn(snapshot),
        computerName: snapshot.host?.computerName ?? null,
        productName: windows?.productName ?? null,
        needsPackage: !!update,
        kb: update && windows ? (packageExpectation(update, windows).acceptedKbs[0] ?? null) : null,
        steps: plan.map((step) => step.title),
        ...(plan.every((step) => step.titleMessage) ? { stepsMessages: plan.map((step) => step.titleMessage!) } : {}),
      };
    },

    async buildFixKit({ packagePath, language }: ValidatedArgs<'buildFixKit'>): Promise<OperationResults['buildFixKit']> {
      const { snapshot, diagnosis } = session.current();
      const update = diagnosis.plan.find((step) => step.step === 'install-windows-update');
      let chosen: string | undefined;
      if (update) {
        const choice = packagePath === undefined ? await session.shell.chooseUpdateFile(update.kb ?? null) : ({ kind: 'chosen', file: session.offered(packagePath) } as const);
        if (choice.kind === 'cancelled') return { status: 'cancelled' };
        if (choice.kind === 'pick') return { status: 'pick', candidates: session.offer(choice.candidates) };
        chosen = choice.file.path;
      } else if (packagePath !== undefined) throw new BridgeError('precondition', 'This computer needs no Windows update: the kit takes no update file.');
      const base = await session.shell.chooseExportFolder();
      if (base === null) return { status: 'cancelled' };
      const who = (snapshot.host?.computerName ?? 'computer').replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40);
      const host = session.host;
      try {
        const built_ = await buildFixKit({
          snapshot,
          outDir: join(base, `acs-fix-kit-${who}-${stamp(session.now())}`),
          // The wizard's language: README.txt, FIX.cmd and fix.ps1 speak it on the computer.
          ...(language ? { language } : {}),
          ...(chosen ? { packagePath: chosen, checkPackage: (path, expected) => checkUpdatePackage(host.runner, path, expected, host.files) } : {}),
        });
        built.add(built_.dir);
        session.knowFolder(built_.dir);
        return {
          status: 'built',
          folder: built_.dir,
          computerName: built_.kit!.target.computerName,
          steps: built_.kit!.steps.map((step) => ({ title: step.title, file: step.package?.file ?? null })),
          files: built_.manifest.files.length + 1,
          checks: built_.packageChecks.map((check) => ({ passed: check.passed, message: check.message, ...(check.messageRef ? { messageRef: check.messageRef } : {}) })),
        };
      } catch (error) {
        if (error instanceof KitError) return { status: 'refused', message: error.message, messageRef: error.messageRef, details: [...error.details], detailsMessages: [...error.detailsMessages] };
        throw error;
      }
    },

    async readFixKit({ path }: ValidatedArgs<'readFixKit'>): Promise<OperationResults['readFixKit']> {
      let folder: string;
      if (path !== undefined) folder = built.has(path) ? path : session.offered(path).path;
      else {
        const choice = await session.shell.chooseReceived(true);
        if (choice.kind === 'cancelled') return { status: 'cancelled' };
        if (choice.kind === 'pick') return { status: 'pick', candidates: session.offer(choice.candidates) };
        folder = choice.file.path;
      }
      try {
        const read = await readKitResult(folder);
        return {
          status: 'read',
          folder,
          computerName: read.kit.target.computerName,
          result: read.result ? { status: read.result.status, message: read.result.message } : null,
          changedFiles: read.changedFiles,
          steps: read.steps.map((step) => ({ title: step.title, state: step.state, message: step.message })),
          after: read.diagnosis ? { verdict: read.diagnosis.verdict, headline: read.diagnosis.headline } : null,
        };
      } catch (error) {
        if (error instanceof KitReadError) return { status: 'not-a-kit', message: error.message, messageRef: error.messageRef };
        throw error;
      }
    },
  };
}
