// The real runner against real short-lived node processes: output, exit codes, stdin, environment,
// time limits that end the whole process tree, the output cap, cancellation and start failures.
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNodeRunner, decodeWindowsOutput, type StreamingCommandRequest } from '../../../src-main/windows/node-runner.js';

const runner = createNodeRunner();
const node = (script: string, extra: Partial<StreamingCommandRequest> = {}) => runner.run({ file: process.execPath, args: ['-e', script], timeoutMs: 10_000, ...extra });

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return check();
}

describe('node runner', () => {
  it('returns stdout, stderr and the exit code', async () => {
    const result = await node("process.stdout.write('out ✓'); process.stderr.write('err'); process.exitCode = 3");
    expect(result).toMatchObject({ exitCode: 3, stdout: 'out ✓', stderr: 'err', timedOut: false, cancelled: false, truncated: false });
    expect(result.spawnError).toBeUndefined();
  });

  it('passes arguments as they are, with no shell in between', async () => {
    const tricky = ['a b', '"quoted"', '$(whoami)', '; rm -rf /', '%PATH%'];
    const result = await runner.run({ file: process.execPath, args: ['-e', 'process.stdout.write(JSON.stringify(process.argv.slice(1)))', ...tricky], timeoutMs: 10_000 });
    expect(JSON.parse(result.stdout)).toEqual(tricky);
  });

  it('writes stdin and adds environment values', async () => {
    const result = await node("let t='';process.stdin.on('data',d=>t+=d).on('end',()=>process.stdout.write(t+'|'+process.env.ACS_TEST_VALUE))", {
      stdin: '{"sections":["os"]}',
      env: { ACS_TEST_VALUE: 'x1' },
    });
    expect(result.stdout).toBe('{"sections":["os"]}|x1');
  });

  it('ends the whole process tree when the time limit passes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'acs-runner-'));
    const pidFile = join(dir, 'grandchild.pid');
    const script = `const {spawn}=require('node:child_process');const c=spawn(process.execPath,['-e','setInterval(()=>{},1000)'],{stdio:'ignore'});require('node:fs').writeFileSync(${JSON.stringify(pidFile)},String(c.pid));setInterval(()=>{},1000)`;
    const started = Date.now();
    const result = await node(script, { timeoutMs: 700 });
    expect(result.timedOut).toBe(true);
    expect(result.exitCode).toBeNull();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(existsSync(pidFile)).toBe(true);
    const grandchild = Number(readFileSync(pidFile, 'utf8'));
    expect(await waitFor(() => !alive(grandchild), 3000)).toBe(true);
  });

  it('cuts output at the cap, marks it truncated and ends the program', async () => {
    const result = await node("process.stdout.write('x'.repeat(1e6)); setInterval(()=>{},1000)", { maxOutputBytes: 1000 });
    expect(result.truncated).toBe(true);
    expect(result.stdout.length).toBe(1000);
    expect(result.exitCode).toBeNull();
  });

  it('cancels a running program through its AbortSignal', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const result = await node('setInterval(()=>{},1000)', { signal: controller.signal });
    expect(result.cancelled).toBe(true);
    expect(result.exitCode).toBeNull();
    expect(result.durationMs).toBeLessThan(5000);
  });

  it('does not start a program when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await node("require('node:fs').writeFileSync('/tmp/should-not-exist-acs','x')", { signal: controller.signal });
    expect(result).toMatchObject({ cancelled: true, exitCode: null, durationMs: 0 });
  });

  it('reports a program that cannot be started as a spawn error (ENOENT)', async () => {
    const result = await runner.run({ file: '/no/such/program-acs', args: [], timeoutMs: 2000 });
    expect(result.spawnError?.code).toBe('ENOENT');
    expect(result.exitCode).toBeNull();
  });

  it('hands over stderr line by line while the program runs', async () => {
    const lines: { line: string; at: number }[] = [];
    const started = Date.now();
    const result = await node("process.stderr.write('one\\r\\ntw');setTimeout(()=>{process.stderr.write('o\\nthree');},300)", {
      onStderrLine: (line) => lines.push({ line, at: Date.now() - started }),
    } as Partial<StreamingCommandRequest>);
    expect(lines.map((entry) => entry.line)).toEqual(['one', 'two', 'three']);
    expect(lines[0]!.at).toBeLessThan(result.durationMs);
  });
});

describe('decoding Windows program output', () => {
  it('reads UTF-16 with and without a byte order mark, UTF-8, and Windows-1252', () => {
    expect(decodeWindowsOutput(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Zertifikat ä', 'utf16le')]))).toBe('Zertifikat ä');
    expect(decodeWindowsOutput(Buffer.from('\r\nNode,HotFixID\r\n', 'utf16le'))).toBe('\r\nNode,HotFixID\r\n');
    expect(decodeWindowsOutput(Buffer.from('証明書ハッシュ(sha1): ab', 'utf8'))).toBe('証明書ハッシュ(sha1): ab');
    expect(decodeWindowsOutput(Buffer.from([0x41, 0x75, 0x73, 0x73, 0x74, 0x65, 0x6c, 0x6c, 0x65, 0x72, 0xe4]))).toBe('Ausstellerä');
    expect(decodeWindowsOutput(Buffer.alloc(0))).toBe('');
  });
});
