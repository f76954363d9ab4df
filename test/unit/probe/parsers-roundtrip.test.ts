// Property tests: whatever the simulated Windows prints (any language, odd names, XML-special and
// non-ASCII text), the fallback parsers read back exactly the machine's facts; and no input makes a
// parser throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCertutilStore, type LocalDateTime } from '../../../src-main/probe/builtin/parse-certutil.js';
import { parseWmicQfe } from '../../../src-main/probe/builtin/parse-misc.js';
import { parseRegQuery } from '../../../src-main/probe/builtin/parse-reg.js';
import { parseScQc, parseScQueryEx } from '../../../src-main/probe/builtin/parse-sc.js';
import { parseWevtutilXml } from '../../../src-main/probe/builtin/parse-wevtutil.js';
import { createSimulatedHost } from '../../windows-double/host/index.js';
import { certutilStore } from '../../windows-double/host/tools/certutil.js';
import { wmicQfe } from '../../windows-double/host/tools/misc.js';
import { scQc, scQueryEx } from '../../windows-double/host/tools/sc.js';
import { wevtutilQuery } from '../../windows-double/host/tools/wevtutil.js';

const utc = (date: LocalDateTime) => new Date(Date.UTC(date.year, date.month - 1, date.day, date.hour, date.minute, date.second)).toISOString().replace(/\.\d{3}Z$/, 'Z');
const language = fc.constantFrom('en-US', 'de-DE', 'ja-JP') as fc.Arbitrary<'en-US' | 'de-DE' | 'ja-JP'>;
const text = fc.string({ unit: fc.constantFrom(...'abcXYZ äöüß 日本語 <>&\'"=,.-_()%'.split('')), minLength: 1, maxLength: 30 }).map((value) => value.trim() || 'x');
const minuteDate = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => new Date(Math.floor(date.getTime() / 60_000) * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z'));
const thumbprint = fc.stringMatching(/^[0-9A-F]{40}$/);

describe('simulated output read back by the parsers', () => {
  it('certutil -store, in every language', async () => {
    const host = await createSimulatedHost('healthy-win11');
    await fc.assert(
      fc.asyncProperty(
        language,
        fc.uniqueArray(fc.record({ thumbprint, subject: text.map((t) => `CN=${t}`), issuer: text.map((t) => `CN=${t}, O=Test`), notBefore: minuteDate, notAfter: minuteDate }), {
          selector: (cert) => cert.thumbprint,
          maxLength: 6,
        }),
        async (lang, certificates) => {
          host.machine.state.os.language = lang;
          host.machine.state.certificateStores.Disallowed = certificates.map((cert) => ({ ...cert, serialNumber: '01' }));
          const parsed = parseCertutilStore(certutilStore(host.machine, ['-store', 'Disallowed']).stdout, utc);
          expect(parsed.unreadable).toBe(0);
          expect(parsed.certificates).toEqual(certificates.map(({ thumbprint: t, subject, issuer, notBefore, notAfter }) => ({ thumbprint: t, subject, issuer, notBefore, notAfter })));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('sc queryex and sc qc', async () => {
    const host = await createSimulatedHost('server2019-airgapped-missing-root');
    const service = fc.record({
      name: fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,15}$/),
      displayName: text,
      state: fc.constantFrom('Running', 'Stopped', 'StartPending', 'StopPending', 'Paused', 'ContinuePending', 'PausePending'),
      startType: fc.constantFrom('Automatic', 'AutomaticDelayed', 'Manual', 'Disabled', 'Boot', 'System'),
      exitCode: fc.integer({ min: 0, max: 20000 }),
      imagePath: text.map((t) => `"C:\\Program Files\\${t}\\svc.exe" -k`),
      dependsOn: fc.array(fc.stringMatching(/^[A-Za-z]{1,10}$/), { maxLength: 3 }),
      protectedProcess: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(service, { selector: (s) => s.name.toLowerCase(), minLength: 1, maxLength: 5 }), async (services) => {
        host.machine.state.services = services as typeof host.machine.state.services;
        const statuses = parseScQueryEx(scQueryEx(host.machine).stdout);
        expect(statuses).toEqual(services.map((s) => ({ name: s.name, displayName: s.displayName, state: s.state, win32ExitCode: s.exitCode })));
        for (const s of services) {
          expect(parseScQc(scQc(host.machine, s.name).stdout)).toEqual({ name: s.name, startType: s.startType, binaryPath: s.imagePath, displayName: s.displayName, dependencies: s.dependsOn });
        }
      }),
      { numRuns: 60 },
    );
  });

  it('wevtutil RenderedXml with any insertion strings and messages', async () => {
    const host = await createSimulatedHost('healthy-win11');
    const event = fc.record({
      id: fc.constantFrom(7000, 7009, 7023, 7031),
      time: minuteDate.filter((iso) => iso >= '2026-10-26' && iso <= '2026-11-24'),
      data: fc.array(fc.oneof(text, fc.constant(''), fc.constant('%%577')), { maxLength: 5 }),
      message: fc.option(
        text.map((t) => `${t}\r\n${t}`),
        { nil: null },
      ),
    });
    await fc.assert(
      fc.asyncProperty(language, fc.uniqueArray(event, { selector: (e) => e.time, maxLength: 5 }), async (lang, events) => {
        host.machine.state.os.language = lang;
        host.machine.state.events = events.map((e) => ({ ...e, log: 'System', provider: 'Service Control Manager', level: 'Error' as const }));
        const output = wevtutilQuery(host.machine, [
          'qe',
          'System',
          "/q:*[System[Provider[@Name='Service Control Manager'] and (EventID=7000 or EventID=7009 or EventID=7023 or EventID=7031)]]",
          '/c:200',
          '/rd:true',
          '/f:RenderedXml',
        ]);
        const parsed = parseWevtutilXml(output.stdout);
        const expected = [...events]
          .sort((a, b) => b.time.localeCompare(a.time))
          .map((e) => ({ log: 'System', provider: 'Service Control Manager', id: e.id, time: e.time, data: e.data, message: e.message }));
        expect(parsed).toEqual({ events: expected, unreadable: 0 });
      }),
      { numRuns: 60 },
    );
  });

  it('wmic qfe', async () => {
    const host = await createSimulatedHost('healthy-win11');
    const hotfix = fc.record({
      id: fc.integer({ min: 100000, max: 9999999 }).map((n) => `KB${n}`),
      // InstalledOn is read back only between 1995 and today (a date outside is unreadable, so null).
      installedOn: fc.option(
        fc.date({ min: new Date('1995-01-01T00:00:00Z'), max: new Date(), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
        { nil: null },
      ),
      description: fc.constantFrom('Update', 'Security Update', 'Hotfix'),
    });
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(hotfix, { selector: (h) => h.id, maxLength: 8 }), async (hotfixes) => {
        host.machine.state.hotfixes = hotfixes;
        expect(parseWmicQfe(wmicQfe(host.machine).stdout)).toEqual(hotfixes);
      }),
      { numRuns: 60 },
    );
  });
});

describe('parsers never throw on arbitrary text', () => {
  it('reg, certutil, sc, wevtutil, wmic', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (input) => {
        parseRegQuery(input);
        parseCertutilStore(input);
        parseScQueryEx(input);
        parseScQc(input);
        parseWevtutilXml(input);
        parseWmicQfe(input);
      }),
      { numRuns: 300 },
    );
  });
});
