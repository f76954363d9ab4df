import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseSnapshotText, validateSnapshot } from '../../../src-main/snapshot/parse.js';

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
