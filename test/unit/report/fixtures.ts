// Journal entries and hostile strings for the report tests.
import type { JournalEntry } from '../../../src-main/journal/entry.js';

export function journalEntries(user: string, computer: string): JournalEntry[] {
  const base = { format: 'acs-journal', version: 1, runId: 'run-1', user, computer, step: 'install-root-certificate', operation: 'apply', writer: 'app', details: {} } as const;
  return [
    { ...base, event: 'started', time: '2026-11-24T10:00:00Z', commands: [] },
    {
      ...base,
      event: 'finished',
      time: '2026-11-24T10:00:05Z',
      status: 'applied',
      verified: true,
      message: `Root certificate added to the machine store of ${computer} by ${user}`,
      commands: [{ file: 'certutil.exe', args: ['-addstore', 'Root', `C:\\Users\\${user.split('\\').pop()}\\AppData\\Local\\Temp\\root.cer`], exitCode: 0, meaning: 'added', elevated: true }],
    },
  ];
}

/** Strings that would run script, load something or break out of an attribute if not escaped. */
export const HOSTILE = {
  computerName: '<script>alert("host")</script>',
  displayName: '"><img src=x onerror=alert(1)>',
  message: '</style><script src="https://evil.example/x.js"></script><iframe src="//evil.example"></iframe>',
  path: "C:\\Program Files\\<svg onload=alert(2)>\\a'b`c&amp;.exe",
  css: '</td><style>body{background:url(https://evil.example/p.png)}</style>',
};
