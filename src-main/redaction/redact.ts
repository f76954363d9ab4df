// Redaction entry points: redact a snapshot (with its diagnosis and journal), and preview exactly what
// would be replaced before anything leaves the machine.
import type { Diagnosis } from '../diagnosis/schema.js';
import type { Snapshot } from '../snapshot/schema.js';
import { Redactor, type RedactionReplacement } from './redactor.js';

export { Redactor, RedactionLimitError, MAX_LEARNED_VALUES, type RedactionReplacement, type RedactionKind } from './redactor.js';

export interface RedactionPreviewEntry extends RedactionReplacement {
  /** How many times the value occurs in the snapshot, diagnosis and journal together. */
  occurrences: number;
  /** Where it occurs: field paths such as "snapshot.events[].message" (at most 8 listed). */
  fields: string[];
}

export interface RedactionPreview {
  replacements: RedactionPreviewEntry[];
}

/** The material of one report: everything redaction must cover. */
export interface RedactionInput {
  snapshot: Snapshot;
  diagnosis?: Diagnosis | null;
  journal?: readonly unknown[] | null;
}

export function createRedactor(input: RedactionInput): Redactor {
  return Redactor.forValues(input.snapshot, input.diagnosis ?? null, input.journal ?? null);
}

export function redactSnapshot(snapshot: Snapshot): { snapshot: Snapshot; replacements: RedactionReplacement[] } {
  const redactor = createRedactor({ snapshot });
  return { snapshot: redactor.redactValue(snapshot), replacements: redactor.replacements() };
}

/** Redacts a snapshot, its diagnosis and journal entries with one set of placeholders. */
export function redactReport<J>(input: { snapshot: Snapshot; diagnosis: Diagnosis; journal: readonly J[] }): {
  snapshot: Snapshot;
  diagnosis: Diagnosis;
  journal: J[];
  redactor: Redactor;
} {
  const redactor = createRedactor(input);
  return {
    snapshot: redactor.redactValue(input.snapshot),
    diagnosis: redactor.redactValue(input.diagnosis),
    journal: input.journal.map((entry) => redactor.redactValue(entry)),
    redactor,
  };
}

/** Exactly what an export with redaction on would replace, and where. */
export function previewRedaction(input: RedactionInput): RedactionPreview {
  const redactor = createRedactor(input);
  const occurrences = redactor.occurrences({ snapshot: input.snapshot, diagnosis: input.diagnosis ?? null, journal: input.journal ?? [] });
  return {
    replacements: redactor.replacements().flatMap((replacement) => {
      const seen = occurrences.get(replacement.placeholder);
      // A value learnt but always covered by a longer one ("alice" inside "alice.wonder") replaces nothing itself.
      return seen ? [{ ...replacement, occurrences: seen.count, fields: [...seen.fields].slice(0, 8) }] : [];
    }),
  };
}
