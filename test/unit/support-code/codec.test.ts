// Support codes round-trip every summary, catch every misheard character and neighbour swap, and read forgivingly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CROCKFORD_ALPHABET } from '../../../src-main/support-code/alphabet.js';
import { decodeSupportCode, encodeSupportSummary, supportCodeQrSvg, type SupportSummary } from '../../../src-main/support-code/index.js';
import { AGENT_STATUSES, describeSupportSummary, PENDING_REBOOTS, ROOT_AUTO_UPDATES, ROOT_STATUSES, UPDATE_STATUSES, VERDICTS, windowsName } from '../../../src-main/support-code/summary.js';
import { CODED_WINDOWS_RELEASES } from '../../../src-main/support-code/windows-releases.js';

const builds = CODED_WINDOWS_RELEASES.flatMap((row) => (row ? [row.build] : []));

const summaryArbitrary: fc.Arbitrary<SupportSummary> = fc
  .record({
    verdict: fc.constantFrom(...VERDICTS),
    build: fc.option(fc.constantFrom(...builds), { nil: null }),
    ubr: fc.option(fc.integer({ min: 0, max: 32766 }), { nil: null }),
    server: fc.boolean(),
    windowsUpdate: fc.constantFrom(...UPDATE_STATUSES),
    rootCertificate: fc.constantFrom(...ROOT_STATUSES),
    rootAutoUpdate: fc.constantFrom(...ROOT_AUTO_UPDATES),
    agentServices: fc.constantFrom(...AGENT_STATUSES),
    pendingReboot: fc.constantFrom(...PENDING_REBOOTS),
  })
  .map(({ build, ubr, server, ...rest }) => ({ ...rest, windows: { build, ubr, server, name: windowsName(build, server) } }));

const compact = (code: string) => code.replace(/^ACS-/, '').replace('-', '');
const dashed = (body: string) => `ACS-${body.slice(0, 4)}-${body.slice(4)}`;

describe('support code', () => {
  it('decodes every summary back to exactly the same summary', () => {
    fc.assert(
      fc.property(summaryArbitrary, (summary) => {
        const code = encodeSupportSummary(summary);
        expect(code).toMatch(/^ACS-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
        expect(decodeSupportCode(code)).toEqual({ ok: true, code, summary });
      }),
      { numRuns: 2000 },
    );
  });

  it('detects every single wrong character, in every position, the check character included', () => {
    fc.assert(
      fc.property(summaryArbitrary, (summary) => {
        const body = compact(encodeSupportSummary(summary));
        for (let position = 0; position < body.length; position += 1) {
          for (const replacement of CROCKFORD_ALPHABET) {
            if (replacement === body[position]) continue;
            const misheard = body.slice(0, position) + replacement + body.slice(position + 1);
            const decoded = decodeSupportCode(dashed(misheard));
            expect(decoded.ok).toBe(false);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('detects every swap of two different neighbouring characters', () => {
    fc.assert(
      fc.property(summaryArbitrary, (summary) => {
        const body = compact(encodeSupportSummary(summary));
        for (let position = 0; position + 1 < body.length; position += 1) {
          if (body[position] === body[position + 1]) continue;
          const swapped = body.slice(0, position) + body[position + 1] + body[position] + body.slice(position + 2);
          const decoded = decodeSupportCode(dashed(swapped));
          expect(decoded).toMatchObject({ ok: false, error: expect.stringContaining('check character') });
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reads codes as people type them: lower case, spaces, no prefix, O/I/L for 0/1/1', () => {
    const code = 'ACS-2NPX-1YFX';
    for (const typed of ['acs-2npx-1yfx', 'ACS 2NPX 1YFX', '2NPX1YFX', '  acs2npx-1yfx ', 'ACS-2NPX-LYFX', 'ACS-2NPX-iYFX']) {
      expect(decodeSupportCode(typed)).toMatchObject({ ok: true, code });
    }
    const withZero = 'ACS-001J-4BCS';
    expect(decodeSupportCode('ACS-OO1J-4BCS')).toMatchObject({ ok: true, code: withZero });
  });

  it('explains what is wrong with a code that cannot be read', () => {
    expect(decodeSupportCode('')).toEqual({ ok: false, error: 'no support code given' });
    expect(decodeSupportCode('ACS-2NPX-1YF')).toMatchObject({ ok: false, error: expect.stringContaining('has 7') });
    expect(decodeSupportCode('ACS-2NPU-1YFX')).toMatchObject({ ok: false, error: expect.stringContaining('"U"') });
    expect(decodeSupportCode('ACS-2NPX-1YFY')).toMatchObject({ ok: false, error: expect.stringContaining('misheard') });
  });

  it('refuses a valid-looking code from a newer layout instead of guessing', () => {
    // Layout bit set (first character ≥ G = 16), with a correct check character.
    const newer = encodeWithRawPayload(2 ** 34);
    expect(decodeSupportCode(newer)).toMatchObject({ ok: false, error: expect.stringContaining('newer version') });
    const reservedRelease = encodeWithRawPayload(31 * 2 * 32768);
    expect(decodeSupportCode(reservedRelease)).toMatchObject({ ok: false, error: expect.stringContaining('Windows release') });
    const statusOutOfRange = encodeWithRawPayload(4320 * 32 * 2 * 32768);
    expect(decodeSupportCode(statusOutOfRange)).toMatchObject({ ok: false, error: expect.stringContaining('out of range') });
  });

  it('refuses to encode a build that is not in the table instead of sending a wrong one', () => {
    const summary: SupportSummary = {
      verdict: 'ready',
      windows: { build: 12345, ubr: 1, server: false, name: 'x' },
      windowsUpdate: 'ok',
      rootCertificate: 'present',
      rootAutoUpdate: 'enabled',
      agentServices: 'running',
      pendingReboot: false,
    };
    expect(() => encodeSupportSummary(summary)).toThrow(/not in the code table/);
  });

  it('tells the summary back in plain words', () => {
    const decoded = decodeSupportCode('ACS-2NPX-1YFX');
    if (!decoded.ok) throw new Error(decoded.error);
    expect(describeSupportSummary(decoded.summary)).toEqual([
      { label: 'Verdict', value: 'Action required' },
      { label: 'Windows', value: 'Windows Server 2019 (build 17763.1999)' },
      { label: 'Required Windows update', value: 'missing' },
      { label: 'ACS root certificate', value: 'missing' },
      { label: 'Automatic root updates', value: 'turned off by policy' },
      { label: 'Agent services', value: 'failing: signature not trusted (error 577)' },
      { label: 'Restart pending', value: 'no' },
    ]);
  });

  it('draws the code as an SVG QR code made of paths only', async () => {
    const svg = await supportCodeQrSvg('ACS-2NPX-1YFX');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).not.toMatch(/<script|<image|href=|style=/i);
    expect(svg).toContain('<path');
  });
});

/** Builds a code around a raw 35-bit payload (with a correct check character) to test refusals. */
function encodeWithRawPayload(payload: number): string {
  const values: number[] = [];
  let rest = payload;
  for (let index = 0; index < 7; index += 1) {
    values.unshift(rest % 32);
    rest = Math.floor(rest / 32);
  }
  let interim = 0;
  const timesTwo = (value: number) => ((value << 1) & 32 ? (value << 1) ^ 0b100101 : value << 1);
  for (const value of values) interim = timesTwo(interim) ^ value;
  values.push(timesTwo(interim));
  return dashed(values.map((value) => CROCKFORD_ALPHABET[value]).join(''));
}
