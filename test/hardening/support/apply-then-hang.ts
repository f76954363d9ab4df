// Child process for the "app killed between apply and verify" test: opens the app on a simulated
// machine with the given data folder, applies the first plan step, and when the step's 'finished'
// journal line is about to be written prints APPLIED and waits to be killed (SIGKILL from the test).
import { defaultServices } from '../../../src-main/app/default-services.js';
import { ActionJournal } from '../../../src-main/fixes/index.js';
import { nodeJournalFile, type JournalFile } from '../../../src-main/fixes/journal.js';
import { startPreview } from '../../../src-main/preview/start.js';

const [dataDir, profile] = process.argv.slice(2);
if (!dataDir || !profile) throw new Error('usage: apply-then-hang.ts DATA_DIR PROFILE');

const stopsBeforeFinished: JournalFile = {
  readText: nodeJournalFile.readText,
  async appendDurably(path, data) {
    if ((JSON.parse(data) as { event?: string }).event === 'finished') {
      process.stdout.write('APPLIED\n');
      return new Promise<void>(() => setInterval(() => {}, 1000));
    }
    await nodeJournalFile.appendDurably(path, data);
  },
};

const preview = await startPreview({ profile, dataDir, receivedDir: null, log: () => {}, services: { ...defaultServices, openJournal: (path) => new ActionJournal(path, stopsBeforeFinished) } });
const probe = await preview.app.dispatch('startProbe', {});
if (!probe.ok) throw new Error(JSON.stringify(probe));
const shown = await preview.app.dispatch('previewFix', { stepIndex: 0 });
if (!shown.ok) throw new Error(JSON.stringify(shown));
await preview.app.dispatch('applyFix', { stepIndex: 0, consent: true });
process.stdout.write('FINISHED-UNEXPECTEDLY\n');
