// Sentences the report module shows to people: the manifest check of a received report folder.
const count = (value: number) => value.toLocaleString('en-US');
const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;

export const REPORT_MESSAGES = {
  manifestUnknownEntries: (entries: number, first: string) =>
    `The manifest lists ${count(entries)} ${entries === 1 ? 'entry' : 'entries'} that ${entries === 1 ? 'is' : 'are'} not a file of a report (such as ${first}); ${entries === 1 ? 'it was' : 'they were'} not checked.`,
  manifestRepeatedEntries: (names: readonly string[]) => `The manifest lists ${names.join(', ')} more than once; each file was checked once.`,
  manifestFileMissing: (name: string) => `${name} is listed in the manifest but missing`,
  manifestNotRegularFile: (name: string) => `${name} is listed in the manifest but is not a regular file`,
  manifestSizeDiffers: (name: string) => `${name} was changed after the report was made (size differs)`,
  manifestOverBudget: (name: string, budget: number) => `${name} was not checked: the listed files are larger than the ${mib(budget)} budget for checking a report`,
  manifestUnreadable: (name: string) => `${name} cannot be read`,
  manifestHashDiffers: (name: string) => `${name} was changed after the report was made (SHA-256 differs)`,
} as const;
