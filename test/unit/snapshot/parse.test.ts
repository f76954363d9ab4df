import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeSnapshotBytes, parseSnapshotBytes, parseSnapshotText, readSnapshotFile, validateSnapshot } from '../../../src-main/snapshot/parse.js';

const example = readFileSync(new URL('../../fixtures/snapshots/server2019-air-gapped-missing-update-and-root.json', import.meta.url), 'utf8');

describe('snapshot validation', () => {
  it('accepts the reference example from the design notes', () => {
    const result = parseSnapshotText(example);
    expect(result.ok).toBe(true);
  });

  it('names the field and the problem when a value is wrong', () => {
    const value = JSON.parse(example);
    value.services[1].state = 'Sleeping';
    const result = validateSnapshot(value);
    expect(result).toEqual({ ok: false, error: expect.stringContaining('services[1].state') });
  });

  it('rejects a thumbprint in lower case', () => {
    const value = JSON.parse(example);
    value.certificates.root[0].thumbprint = value.certificates.root[0].thumbprint.toLowerCase();
    const result = validateSnapshot(value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/certificates\.root\[0\]\.thumbprint: must be 40 upper-case/);
  });

  it('says when the file is another kind of document or another version', () => {
    expect(validateSnapshot({ format: 'something-else' })).toEqual({ ok: false, error: expect.stringContaining('format: expected "acs-snapshot"') });
    expect(validateSnapshot({ format: 'acs-snapshot', version: 2 })).toEqual({ ok: false, error: expect.stringContaining('reads version 1, found 2') });
  });

  it('says when the text is not JSON', () => {
    const result = parseSnapshotText('{"format": "acs-snapshot",');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^invalid snapshot: not valid JSON/);
  });

  it('accepts a snapshot whose optional sections are missing or null', () => {
    const value = JSON.parse(example);
    delete value.services;
    value.certificates = null;
    expect(validateSnapshot(value).ok).toBe(true);
  });
});

describe('hostile snapshot text', () => {
  it('does not echo the input in the JSON syntax message', () => {
    const result = parseSnapshotText('{"format": "\u001b[31mred\u202E", oops}');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(/^invalid snapshot: not valid JSON \(syntax error( at character \d+)?\)$/);
      expect(result.error).not.toContain('\u001b');
      expect(result.error).not.toContain('\u202e');
    }
  });

  it('refuses nesting deeper than 64 levels before anything walks it', () => {
    const deep = `${'['.repeat(20_000)}1${']'.repeat(20_000)}`;
    const result = parseSnapshotText(example.replace(/^\{/, `{"extra": ${deep},`));
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^invalid snapshot: extra(\[0\])+.*: nested deeper than 64 levels$/) });
  });

  it('accepts ordinary nesting', () => {
    expect(parseSnapshotText(example).ok).toBe(true);
  });
});

describe('files as Windows writes them (issue 13, item 9)', () => {
  const text = example.replace(/\n/g, '\r\n');
  const utf16le = (value: string) => Buffer.from(value, 'utf16le');
  const utf16be = (value: string) => Buffer.from(value, 'utf16le').swap16();

  it('reads UTF-16LE with a byte-order mark (`collect.ps1 > snapshot.json` in Windows PowerShell 5.1)', () => {
    expect(parseSnapshotBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(text)])).ok).toBe(true);
  });

  it('reads UTF-8 with a byte-order mark (`Set-Content -Encoding UTF8`), UTF-16BE, UTF-16 without a mark and plain UTF-8', () => {
    expect(parseSnapshotBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])).ok).toBe(true);
    expect(parseSnapshotBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)])).ok).toBe(true);
    expect(parseSnapshotBytes(utf16le(text)).ok).toBe(true);
    expect(parseSnapshotBytes(utf16be(text)).ok).toBe(true);
    expect(parseSnapshotBytes(Buffer.from(text)).ok).toBe(true);
  });

  it('keeps non-ASCII names intact in every encoding, and reads ANSI (Windows-1252) text as such', () => {
    const german = example.replace(/"computerName": "[^"]*"/, '"computerName": "SRV-KÖLN-ÄÜß"');
    for (const bytes of [Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(german)]), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(german)]), Buffer.from(german, 'latin1')]) {
      const result = parseSnapshotBytes(bytes);
      expect(result.ok && result.snapshot.host?.computerName).toBe('SRV-KÖLN-ÄÜß');
    }
    expect(decodeSnapshotBytes(Buffer.from([0x7b, 0x22, 0x80, 0x22, 0x7d]))).toBe('{"€"}');
  });

  it('a broken UTF-16 file still gets one clear line', () => {
    const cut = Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(text.slice(0, 200))]);
    const result = parseSnapshotBytes(cut);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^invalid snapshot: not valid JSON \((syntax error|the text ends too early)/) });
    const odd = parseSnapshotBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(text), Buffer.from([0x7d])]));
    expect(odd.ok).toBe(false);
  });

  it('readSnapshotFile reads a UTF-16 file from disk', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'acs-utf16-'));
    try {
      const path = join(folder, 'snapshot.json');
      await writeFile(path, Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(text)]));
      expect((await readSnapshotFile(path)).ok).toBe(true);
      await writeFile(path, Buffer.from([0xff, 0xfe, 0x7b, 0x00]));
      expect(await readSnapshotFile(path)).toEqual({ ok: false, error: expect.stringMatching(/^invalid snapshot: not valid JSON/) });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
