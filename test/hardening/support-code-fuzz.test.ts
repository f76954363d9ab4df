// Support codes read over the phone or typed by anyone: any text decodes to a summary or a plain
// refusal, never an exception, and a code's summary survives encode -> decode for generated machines.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src-main/diagnosis/diagnose.js';
import { decodeSupportCode, encodeSupportCode } from '../../src-main/support-code/index.js';
import { validSnapshot } from './support/arbitraries.js';

describe('support codes from anyone', () => {
  it('any text is decoded or refused with a reason, never thrown', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 40 }),
          fc.string({ unit: 'binary', maxLength: 40 }),
          fc.stringMatching(/^ACS-[0-9A-Z]{4}-[0-9A-Z]{4}$/),
          fc.constantFrom('', 'ACS-', 'ACS--', 'acs-0000-0000', 'ACS-\u202E000-0000', 'ACS-0000-0000'.repeat(1000)),
        ),
        (code) => {
          const result = decodeSupportCode(code);
          if (!result.ok) expect(result.error.trim().length).toBeGreaterThan(5);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it("a generated machine's code decodes again, or encoding refuses clearly (never a wrong code)", () => {
    fc.assert(
      fc.property(validSnapshot, (snapshot) => {
        let code: string;
        try {
          code = encodeSupportCode(diagnose(snapshot), snapshot);
        } catch (error) {
          // Refusing to encode an unknown build is documented behaviour; it must say why.
          expect((error as Error).message.length).toBeGreaterThan(10);
          return;
        }
        expect(code).toMatch(/^ACS-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
        expect(decodeSupportCode(code).ok).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
