// The message catalogue: English is complete (no empty text), every parameterised text uses its
// arguments, and every probe section and plan step kind has its words.
import { describe, expect, it } from 'vitest';
import { planStepKindSchema } from '../../../src-main/diagnosis/schema.js';
import { en } from '../../../src-renderer/messages/en.js';
import { PROBE_SECTION_ORDER } from '../../../src-renderer/state/probe-sections.js';

function leaves(value: unknown, path: string, out: [string, unknown][] = []): [string, unknown][] {
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) leaves(inner, path ? `${path}.${key}` : key, out);
  } else {
    out.push([path, value]);
  }
  return out;
}

describe('message catalogue (English)', () => {
  const all = leaves(en, '');

  it('has no empty text', () => {
    expect(all.length).toBeGreaterThan(150);
    for (const [path, value] of all) {
      if (typeof value === 'string') expect(value.trim(), path).not.toBe('');
      else expect(typeof value, path).toBe('function');
    }
  });

  it('puts every argument of a parameterised text into the text', () => {
    for (const [path, value] of all) {
      if (typeof value !== 'function') continue;
      const args = Array.from({ length: value.length }, (_, i) => (path.endsWith('seconds') || path.endsWith('elapsed') ? 1234 + i : i === 0 && /progress|exitCode/.test(path) ? 7 : `ARG${i}`));
      const text = (value as (...a: unknown[]) => string)(...args);
      expect(typeof text, path).toBe('string');
      for (const arg of args) if (typeof arg === 'string') expect(text, path).toContain(arg);
    }
  });

  it('names every probe section and gives every plan step kind its consent button', () => {
    for (const section of PROBE_SECTION_ORDER) expect(en.checking.sections[section], section).toBeTruthy();
    for (const kind of planStepKindSchema.options) expect(en.fix.consent[kind], kind).toBeTruthy();
  });
});
