// The preview page takes its token from the address fragment once, keeps it for reloads in
// sessionStorage, and removes it from the address bar.
import { describe, expect, it } from 'vitest';
import { takePreviewToken } from '../../../src-renderer/bridge/index.js';

function fakeWindow(hash: string) {
  const storage = new Map<string, string>();
  const replaced: string[] = [];
  const win = {
    location: { hash, pathname: '/', search: '' },
    history: { replaceState: (_state: unknown, _title: string, url: string) => void replaced.push(url) },
    sessionStorage: { getItem: (key: string) => storage.get(key) ?? null, setItem: (key: string, value: string) => void storage.set(key, value) },
  };
  return { win: win as unknown as Parameters<typeof takePreviewToken>[0], replaced, storage };
}

describe('takePreviewToken', () => {
  it('moves the token from the fragment to sessionStorage and clears the address', () => {
    const { win, replaced, storage } = fakeWindow('#token=abc_DEF-123');
    expect(takePreviewToken(win)).toBe('abc_DEF-123');
    expect(storage.get('acs-preview-token')).toBe('abc_DEF-123');
    expect(replaced).toEqual(['/']);
  });

  it('falls back to the stored token after a reload, and has none otherwise', () => {
    const first = fakeWindow('');
    expect(takePreviewToken(first.win)).toBeNull();
    first.storage.set('acs-preview-token', 'kept');
    expect(takePreviewToken(first.win)).toBe('kept');
    expect(takePreviewToken(fakeWindow('#token=<script>').win)).toBeNull();
  });
});
