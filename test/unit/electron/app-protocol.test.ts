// The app:// scheme serves the built renderer with the CSP header and nothing else.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES, handleAppRequest, isAppUrl } from '../../../src-main/electron/app-protocol.js';
import { CONTENT_SECURITY_POLICY_HEADER } from '../../../src-main/renderer-host/content-security-policy.js';

describe('handleAppRequest', () => {
  it('serves index.html with the CSP and refuses other hosts, methods and paths outside the folder', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'acs-app-protocol-'));
    const dir = join(parent, 'renderer');
    await mkdir(dir);
    await writeFile(join(dir, 'index.html'), '<title>wizard</title>');
    await writeFile(join(parent, 'secret.txt'), 'secret');
    const page = await handleAppRequest(dir, new Request(APP_ENTRY_URL));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('wizard');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY_HEADER);
    expect((await handleAppRequest(dir, new Request('app://elsewhere/index.html'))).status).toBe(404);
    expect((await handleAppRequest(dir, new Request('app://acs/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
    for (const url of ['app://acs/../secret.txt', 'app://acs/%2e%2e/secret.txt', 'app://acs/..%2fsecret.txt']) {
      const response = await handleAppRequest(dir, new Request(url));
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('secret');
    }
  });

  it('is a secure standard scheme that does not bypass the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true, bypassCSP: false });
    expect(isAppUrl('app://acs/x')).toBe(true);
    expect(isAppUrl('app://acs.evil/x')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});
