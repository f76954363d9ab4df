// Issue 11: where the elevation boundary depends on the build and the platform. The portable build (it
// unpacks into the person's %TEMP%) never starts the helper; a development checkout and a packaged app
// differ only in what the environment may change; the helper's folder is ProgramData on Windows.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isPortableBuild } from '../../../src-main/fixes/build-kind.js';
import { ELEVATION_MESSAGES, performAction } from '../../../src-main/fixes/elevation.js';
import { helperDataFolder, helperJournalPath, helperResultPath } from '../../../src-main/fixes/helper-folder.js';
import { runAdminAction } from '../../../src-main/fixes/step-run.js';
import { assetsDir, markPackagedApp } from '../../../src-main/paths.js';
import type { CommandRequest, CommandRunner } from '../../../src-main/windows/command-runner.js';

const RUN = '0b6c3e1a-4f2d-4c8e-9a7b-1d2e3f405162';
const platform = process.platform;
const saved = { ...process.env };
afterEach(() => {
  Object.defineProperty(process, 'platform', { value: platform });
  process.env = { ...saved };
  markPackagedApp(false);
});

function recordingRunner(): CommandRunner & { seen: CommandRequest[] } {
  const seen: CommandRequest[] = [];
  return { seen, run: async (command) => (seen.push(command), { exitCode: 0, stdout: '', stderr: '', timedOut: false, cancelled: false, truncated: false, durationMs: 1 }) };
}

describe('the portable build performs no elevated fix', () => {
  it("is the portable build only when packaged AND electron-builder's portable launcher set PORTABLE_EXECUTABLE_FILE", () => {
    expect(isPortableBuild({ PORTABLE_EXECUTABLE_FILE: 'E:\\ACS-Support-Assistant-Portable.exe' }, true)).toBe(true);
    expect(isPortableBuild({ PORTABLE_EXECUTABLE_FILE: 'E:\\ACS-Support-Assistant-Portable.exe' }, false)).toBe(false);
    expect(isPortableBuild({}, true)).toBe(false);
    expect(isPortableBuild({ PORTABLE_EXECUTABLE_FILE: '' }, true)).toBe(false);
  });

  it('starts nothing (no launcher, no helper), ends declined with the reason, and offers the administrator script', async () => {
    markPackagedApp(true);
    process.env.PORTABLE_EXECUTABLE_FILE = 'E:\\ACS-Support-Assistant-Portable.exe';
    const runner = recordingRunner();
    const workDir = await mkdtemp(join(tmpdir(), 'acs-portable-'));
    for (const elevation of ['helper', 'direct'] as const) {
      const run = await performAction(
        { action: 'remove-root-certificate', sha1Thumbprint: 'F40042E2E5F7E8EF8189FED15519AECE42C3BFA2' },
        { runner, elevation, workDir, runId: RUN, step: 'install-root-certificate', user: 'tech' },
      );
      expect(run).toMatchObject({ declined: true, result: { status: 'declined', reason: 'portable-build', message: ELEVATION_MESSAGES.portable } });
    }
    expect(runner.seen).toEqual([]);
    const context = { runner, elevation: 'helper', workDir, user: 'tech' } as never;
    const admin = await runAdminAction(context, RUN, 'install-root-certificate', { action: 'remove-root-certificate', sha1Thumbprint: 'F40042E2E5F7E8EF8189FED15519AECE42C3BFA2' });
    expect(admin.adminScript?.cmdPath).toMatch(/run-as-administrator\.cmd$/);
    expect(admin.adminScript?.reason).toBe('portable-build');
    expect(await readFile(admin.adminScript!.cmdPath, 'utf8')).toContain('-ActionId remove-root-certificate');
    expect(runner.seen).toEqual([]);
  });
});

describe('a packaged app ignores the development overrides', () => {
  it('ACS_ASSETS_DIR moves the assets (and so the helper) only in a development run', () => {
    process.env.ACS_ASSETS_DIR = '/tmp/elsewhere';
    markPackagedApp(false);
    expect(assetsDir()).toBe('/tmp/elsewhere');
    markPackagedApp(true);
    expect(assetsDir()).not.toBe('/tmp/elsewhere');
  });
});

describe("the helper's folder", () => {
  it('is %ProgramData%\\ACS Support Assistant on Windows; ACS_HELPER_DATA_DIR is never read there', () => {
    Object.defineProperty(process, 'platform', { value: 'win32' });
    process.env.ProgramData = 'C:\\ProgramData';
    process.env.ACS_HELPER_DATA_DIR = 'C:\\Users\\Public\\planted';
    expect(helperDataFolder()).toBe('C:\\ProgramData\\ACS Support Assistant');
    expect(helperResultPath(RUN)).toBe(`C:\\ProgramData\\ACS Support Assistant\\results\\${RUN}.json`);
    expect(helperJournalPath()).toBe('C:\\ProgramData\\ACS Support Assistant\\journal.jsonl');
  });

  it('off Windows (simulation, demo, tests) is a temporary folder, or ACS_HELPER_DATA_DIR', () => {
    Object.defineProperty(process, 'platform', { value: 'linux' });
    delete process.env.ACS_HELPER_DATA_DIR;
    expect(helperDataFolder()).toBe(join(tmpdir(), 'acs-support-assistant-helper'));
    process.env.ACS_HELPER_DATA_DIR = '/tmp/acs-helper-test';
    expect(helperResultPath(RUN)).toBe(`/tmp/acs-helper-test/results/${RUN}.json`);
  });
});

describe("the helper's journal", () => {
  it("a root the administrator script added (writer admin-script, in the helper's journal) can be undone by the app; a later removal wins", async () => {
    const { addedByThisApp } = await import('../../../src-main/fixes/root-certificate.js');
    const line = (time: string, operation: 'apply' | 'undo', details: Record<string, unknown>) =>
      JSON.stringify({
        format: 'acs-journal',
        version: 1,
        event: 'finished',
        runId: crypto.randomUUID(),
        time,
        user: 'CONTOSO\\admin',
        computer: 'PC-1',
        step: 'install-root-certificate',
        operation,
        writer: 'admin-script',
        commands: [],
        status: 'succeeded',
        verified: null,
        message: 'ok',
        details: { thumbprint: 'F40042E2E5F7E8EF8189FED15519AECE42C3BFA2', ...details },
      });
    let helperJournal = `${line('2026-12-05T10:00:00.0000000Z', 'apply', { added: true })}\n`;
    const context = {
      journal: { read: async () => ({ entries: [], damagedLines: [] }) },
      files: { read: async (path: string) => (path === helperJournalPath() ? Buffer.from(helperJournal) : Promise.reject(new Error('no'))), size: async () => 0, sha256: async () => '' },
    } as never;
    expect(await addedByThisApp(context)).toBe(true);
    helperJournal += `${line('2026-12-05T11:00:00.0000000Z', 'undo', { removed: true })}\nnot json\n`;
    expect(await addedByThisApp(context)).toBe(false);
    // A line another writer put there (writer 'helper' is the app's own elevated run, journaled by the app) is not counted.
    helperJournal = `${line('2026-12-05T10:00:00.0000000Z', 'apply', { added: true }).replace('"admin-script"', '"helper"')}\n`;
    expect(await addedByThisApp(context)).toBe(false);
  });
});
