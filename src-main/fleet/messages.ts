// Sentences the fleet summary shows to people (terminal text, HTML page, reasons in --json): messages
// fleet.* of the shared catalogue (src-main/shared/i18n/catalogues/en.ts). The summary's JSON keeps their
// English text and carries each message beside it; the text and the page are written in the chosen language.
import { message, renderMessage, type MessageRef } from '../shared/i18n/index.js';

/** The messages themselves. */
export const FLEET_TEXTS = {
  tooLarge: (mib: number) => message('fleet.tooLarge', { mib }),
  cannotRead: (code: string) => message('fleet.cannotRead', { code }),
  notJson: (detail: string) => message('fleet.notJson', { detail }),
  otherFormat: (format: string) => message('fleet.otherFormat', { format }),
  cannotDiagnose: (detail: string) => message('fleet.cannotDiagnose', { detail }),
  folderUnreadable: (code: string) => message('fleet.folderUnreadable', { code }),
  notAFolder: (folder: string) => message('fleet.notAFolder', { folder }),
  folderMissing: (folder: string) => message('fleet.folderMissing', { folder }),
  folderError: (folder: string, detail: string) => message('fleet.folderError', { folder, detail }),
  inFuture: (collectedAt: string, skewMinutes: number) => message('fleet.inFuture', { collectedAt, minutes: skewMinutes }),
  conflictSeveralSnapshots: (count: number) => message('fleet.conflict.severalSnapshots', { count }),
  conflictSeveralMachines: (count: number) => message('fleet.conflict.severalMachines', { count }),
  textHeadline: (folder: string, machines: number, snapshots: number, filesRead: number) => message('fleet.text.headline', { folder, machines, snapshots, files: filesRead }),
  textNone: (title: MessageRef) => message('fleet.text.none', { title }),
  textMore: (count: number) => message('fleet.text.more', { count }),
  textMoreSee: (count: number) => message('fleet.text.moreSee', { count }),
  textUnreadable: (count: number) => message('fleet.text.unreadable', { count }),
  textRefused: (count: number) => message('fleet.text.refused', { count }),
  textConflicts: (count: number) => message('fleet.text.conflicts', { count }),
  textSkipped: (count: number) => message('fleet.text.skipped', { count }),
  titles: {
    verdicts: message('fleet.title.verdicts'),
    windows: message('fleet.title.windows'),
    missing: message('fleet.title.missing'),
    root: message('fleet.title.root'),
    agent: message('fleet.title.agent'),
    machines: message('fleet.title.machines'),
    unreadable: message('fleet.title.unreadable'),
    refused: message('fleet.title.refused'),
    conflicts: message('fleet.title.conflicts'),
    value: message('fleet.title.value'),
    count: message('fleet.title.count'),
    none: message('fleet.title.none'),
    kept: message('fleet.title.kept'),
    pageTitle: (folder: string) => message('fleet.page.title', { folder }),
    pageHeading: message('fleet.page.heading'),
    pageIntro: (machines: number, snapshots: number, folder: string, filesRead: number, generatedAt: string, program: string) =>
      message('fleet.page.intro', { machines, snapshots, folder, files: filesRead, generatedAt, program }),
  },
  usageConcurrency: message('fleet.usage.concurrency'),
  usageWorkers: message('fleet.usage.workers'),
  cannotWrite: (path: string, code: string) => message('fleet.cannotWrite', { path, code }),
} as const;

const en = (ref: MessageRef): string => renderMessage(ref, 'en');

/** The same sentences in English (the summary's JSON fields, and what tests compare). */
export const FLEET_MESSAGES = {
  tooLarge: (mib: number) => en(FLEET_TEXTS.tooLarge(mib)),
  cannotRead: (code: string) => en(FLEET_TEXTS.cannotRead(code)),
  notJson: (detail: string) => en(FLEET_TEXTS.notJson(detail)),
  otherFormat: (format: string) => en(FLEET_TEXTS.otherFormat(format)),
  cannotDiagnose: (detail: string) => en(FLEET_TEXTS.cannotDiagnose(detail)),
  folderUnreadable: (code: string) => en(FLEET_TEXTS.folderUnreadable(code)),
  notAFolder: (folder: string) => en(FLEET_TEXTS.notAFolder(folder)),
  folderMissing: (folder: string) => en(FLEET_TEXTS.folderMissing(folder)),
  folderError: (folder: string, detail: string) => en(FLEET_TEXTS.folderError(folder, detail)),
  inFuture: (collectedAt: string, skewMinutes: number) => en(FLEET_TEXTS.inFuture(collectedAt, skewMinutes)),
  conflictSeveralSnapshots: (count: number) => en(FLEET_TEXTS.conflictSeveralSnapshots(count)),
  conflictSeveralMachines: (count: number) => en(FLEET_TEXTS.conflictSeveralMachines(count)),
  usageConcurrency: en(FLEET_TEXTS.usageConcurrency),
  usageWorkers: en(FLEET_TEXTS.usageWorkers),
  cannotWrite: (path: string, code: string) => en(FLEET_TEXTS.cannotWrite(path, code)),
} as const;
