// Sentences the fleet summary shows to people (terminal text, HTML page, reasons in --json).
const plural = (count: number, one: string, many: string) => `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;

export const FLEET_MESSAGES = {
  tooLarge: (mib: number) => `larger than ${mib} MiB`,
  cannotRead: (code: string) => `cannot read: ${code}`,
  notJson: (detail: string) => `not valid JSON (${detail})`,
  otherFormat: (format: string) => `${format}, not a snapshot`,
  cannotDiagnose: (detail: string) => `cannot be diagnosed: ${detail}`,
  folderUnreadable: (code: string) => `folder cannot be read: ${code}`,
  notAFolder: (folder: string) => `${folder} is not a folder`,
  folderMissing: (folder: string) => `cannot read the folder ${folder}: it does not exist`,
  folderError: (folder: string, detail: string) => `cannot read the folder ${folder}: ${detail}`,
  inFuture: (collectedAt: string, skewMinutes: number) =>
    `collected in the future (${collectedAt}, more than ${skewMinutes} minutes after this summary was made): refused, so it cannot stand in for the machine's real snapshot`,
  conflictSeveralSnapshots: (count: number) => `${plural(count, 'snapshot', 'snapshots')} of the same machine; the newest is counted`,
  conflictSeveralMachines: (count: number) => `${plural(count, 'machine', 'machines')} (different machine ids, or with and without one) report this computer name; each is counted`,
  textHeadline: (folder: string, machines: number, snapshots: number, filesRead: number) =>
    `Fleet summary of ${folder}: ${plural(machines, 'machine', 'machines')} from ${plural(snapshots, 'snapshot', 'snapshots')} (${filesRead.toLocaleString('en-US')} JSON files read)`,
  textNone: (title: string) => `${title}: none`,
  textMore: (count: number) => `  …and ${count.toLocaleString('en-US')} more`,
  textMoreSee: (count: number) => `  …and ${count.toLocaleString('en-US')} more (see --json, --ndjson or --html)`,
  textUnreadable: (count: number) => `Unreadable files (${count.toLocaleString('en-US')}):`,
  textRefused: (count: number) => `Refused snapshots (${count.toLocaleString('en-US')}):`,
  textConflicts: (count: number) => `Conflicting snapshots (${count.toLocaleString('en-US')}):`,
  textSkipped: (count: number) => `Skipped ${plural(count, 'other file', 'other files')} of this program (diagnoses, manifests, summaries).`,
  titles: {
    verdicts: 'Verdicts',
    windows: 'Windows versions',
    missing: 'Missing updates',
    root: 'ACS root certificate',
    agent: 'Agent services',
    machines: 'Machines',
    unreadable: 'Unreadable files',
    refused: 'Refused snapshots',
    conflicts: 'Conflicting snapshots',
    value: 'Value',
    count: 'Machines',
    none: 'None.',
    kept: 'counted',
    pageTitle: (folder: string) => `ACS fleet summary: ${folder}`,
    pageHeading: 'ACS fleet summary',
    pageIntro: (machines: number, snapshots: number, folder: string, filesRead: number, generatedAt: string, program: string) =>
      `${plural(machines, 'machine', 'machines')} from ${plural(snapshots, 'snapshot', 'snapshots')} in ${folder} (${filesRead.toLocaleString('en-US')} JSON files read). Made ${generatedAt} by ${program}.`,
  },
  usageConcurrency: '--concurrency must be a whole number from 1 to 64',
  usageWorkers: '--workers must be a whole number from 0 to 16',
  cannotWrite: (path: string, code: string) => `cannot write ${path}: ${code}`,
} as const;
