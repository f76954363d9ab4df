// Redaction under generated names: for any computer name, domain, user name (in profile paths and
// DOMAIN\user forms), IPv4 address and MAC address placed where real snapshots carry them, a redacted
// report folder contains none of them in any file, and the export does not refuse itself.
import fc from 'fast-check';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportReport } from '../../src-main/report/export.js';
import { validateSnapshot } from '../../src-main/snapshot/parse.js';
import { fixture } from './support/hostile.js';

const word = fc.stringMatching(/^[a-z]{3,8}$/);
const hostName = fc.tuple(fc.stringMatching(/^[A-Z]{2,6}$/), fc.integer({ min: 10, max: 99_999 })).map(([prefix, number]) => `${prefix}-${number}`);
// The first part carries a digit so it is never an ordinary word (see the "name.desk" test below for why).
const userName = fc.tuple(word, fc.nat(9), word).map(([first, digit, last]) => `${first}${digit}.${last}`);
const domainName = fc.tuple(word, fc.constantFrom('example', 'corp', 'local', 'lan')).map(([name, tld]) => `${name}x${name.length}.${tld}`);
const ipv4 = fc
  .tuple(fc.integer({ min: 11, max: 223 }), fc.nat(255), fc.nat(255), fc.integer({ min: 1, max: 254 }))
  .filter(([a]) => a !== 127)
  .map((parts) => parts.join('.'));
const mac = fc.array(fc.nat(255), { minLength: 6, maxLength: 6 }).map((bytes) => bytes.map((byte) => byte.toString(16).padStart(2, '0').toUpperCase()).join('-'));

describe('redaction of generated identities', () => {
  it('no generated name, user, domain, IP or MAC survives anywhere in a redacted report folder', async () => {
    const base = fixture('server2019-airgapped-root-missing.json');
    const root = await mkdtemp(join(tmpdir(), 'acs-redaction-fuzz-'));
    let run = 0;
    try {
      await fc.assert(
        fc.asyncProperty(hostName, domainName, userName, ipv4, mac, async (host, domain, user, ip, hardware) => {
          const shortDomain = domain.split('.')[0]!.toUpperCase();
          const value = structuredClone(base) as unknown as Record<string, unknown> & { services: { imagePath: string | null }[]; events: unknown[]; errors: unknown[] };
          value.host = { computerName: host, domain };
          value.services[0]!.imagePath = `"C:\\Users\\${user}\\AppData\\Local\\Trend\\NTRtScan.exe" -host ${host}`;
          value.events = [
            ...(value.events ?? []),
            {
              log: 'System',
              provider: 'Tcpip',
              id: 4199,
              time: '2026-11-20T08:16:00Z',
              data: [ip, hardware, `${shortDomain}\\${user}`],
              message: `Address conflict for ${ip} (${hardware}) on ${host}.${domain}; profile C:\\Users\\${user}\\Desktop`,
            },
          ];
          value.errors = [...(value.errors ?? []), { section: 'events', message: `Access denied for ${shortDomain}\\${user} on ${host}` }];
          const parsed = validateSnapshot(value);
          if (!parsed.ok) throw new Error(parsed.error);
          const outDir = join(root, `r${run++}`);
          await exportReport({ snapshot: parsed.snapshot, outDir });
          const secrets = [host, domain, user, ip, hardware, hardware.replace(/-/g, ':')].map((secret) => secret.toLowerCase());
          for (const name of await readdir(outDir)) {
            const text = (await readFile(join(outDir, name), 'utf8')).toLowerCase();
            for (const secret of secrets) expect(text.includes(secret), `${secret} in ${name}`).toBe(false);
          }
          await rm(outDir, { recursive: true, force: true });
        }),
        { numRuns: 40 },
      );
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  async function exportWithProfileUser(user: string): Promise<string> {
    const value = structuredClone(fixture('server2019-airgapped-root-missing.json')) as unknown as { services: { imagePath: string | null }[] };
    value.services[0]!.imagePath = `"C:\\Users\\${user}\\AppData\\Local\\Trend\\NTRtScan.exe"`;
    const parsed = validateSnapshot(value);
    if (!parsed.ok) throw new Error(parsed.error);
    const outDir = join(await mkdtemp(join(tmpdir(), 'acs-redaction-word-')), 'r');
    await exportReport({ snapshot: parsed.snapshot, outDir });
    return outDir;
  }

  it('a user folder whose first part is a common word ("service.desk") is removed and the report stays readable', async () => {
    const outDir = await exportWithProfileUser('service.desk');
    expect((await readFile(join(outDir, 'snapshot.json'), 'utf8')).toLowerCase()).not.toContain('service.desk');
    expect(await readFile(join(outDir, 'report.html'), 'utf8')).toContain('Service Control Manager');
  });

  // Was a bug: the part before the dot of any profile folder was learned as a user name, so a folder
  // "name.desk" made "name" (a JSON key) a leak and no report could be exported. Now only Windows'
  // own suffixes ("jsmith.CORP", "jsmith.000") are split.
  it('a user folder "name.desk" still exports, without the name', async () => {
    const outDir = await exportWithProfileUser('name.desk');
    expect((await readFile(join(outDir, 'snapshot.json'), 'utf8')).toLowerCase()).not.toContain('name.desk');
  });
});
