// Issue 15: opening a received snapshot with thousands of distinct names and previewing its redaction
// froze the main process (one regular expression alternating every value). Now the preview answers in
// about a second, and material beyond the cap gets a clear "failed" answer, not an internal error.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_LEARNED_VALUES } from '../../src-main/redaction/redact.js';
import { createTestApp, fixtureSnapshot } from '../support/app-fixture.js';

async function openWithUsers(users: number) {
  const app = await createTestApp();
  const snapshot = structuredClone(await fixtureSnapshot()) as unknown as { events: unknown[] };
  snapshot.events = Array.from({ length: Math.ceil(users / 2) }, (_, index) => ({
    log: 'Security',
    provider: 'Microsoft-Windows-Security-Auditing',
    id: 4624,
    time: '2026-11-20T08:16:00Z',
    data: [],
    message: `Logon CORP\\u${index} from 10.${(index >> 8) & 255}.${index & 255}.7`,
  }));
  const file = join(app.workDir, 'received.json');
  await writeFile(file, JSON.stringify(snapshot));
  app.shell.next = { kind: 'chosen', file: { path: file, name: 'received.json', sizeBytes: null, kb: null } };
  expect(await app.dispatch('openReceived', {})).toMatchObject({ ok: true });
  return app;
}

describe('redaction of a received snapshot with many names', () => {
  it('previews 8,000 distinct values within seconds', async () => {
    const app = await openWithUsers(8000);
    const started = performance.now();
    const preview = await app.dispatch('previewRedaction', {});
    expect(performance.now() - started).toBeLessThan(8000);
    expect(preview).toMatchObject({ ok: true });
    if (preview.ok) expect((preview.value as { replacements: unknown[] }).replacements.length).toBeGreaterThanOrEqual(8000);
  }, 120_000);

  it('answers more values than the cap with a clear failure, not an internal error', async () => {
    const app = await openWithUsers(MAX_LEARNED_VALUES + 100);
    const preview = await app.dispatch('previewRedaction', {});
    expect(preview).toMatchObject({ ok: false, code: 'failed', message: expect.stringContaining('not redacted') });
    const exported = await app.dispatch('exportReport', { redact: true, destination: 'default', pdf: false });
    expect(exported).toMatchObject({ ok: false, code: 'failed' });
  }, 120_000);
});
