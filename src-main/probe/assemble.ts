// Turns what a collection path produced (the script's document, or the fallback parsers' values) into
// a valid snapshot, section by section: a section that fails its schema becomes an errors[] entry and
// the others are kept.
import { describeZodError } from '../snapshot/parse.js';
import {
  bootConfigurationSchema,
  certificatesSchema,
  collectionErrorSchema,
  hostSchema,
  hotfixSchema,
  osSchema,
  pendingRebootSchema,
  productSchema,
  rootAutoUpdateSchema,
  serviceSchema,
  signatureSchema,
  eventSchema,
  type CollectionError,
  type Snapshot,
} from '../snapshot/schema.js';
import { z } from 'zod';
import type { ProbeSectionName } from './protocol.js';

export const SECTION_SCHEMAS: Record<ProbeSectionName, z.ZodType> = {
  host: hostSchema,
  os: osSchema,
  hotfixes: z.array(hotfixSchema),
  certificates: certificatesSchema,
  rootAutoUpdate: rootAutoUpdateSchema,
  services: z.array(serviceSchema),
  signatures: z.array(signatureSchema),
  events: z.array(eventSchema),
  products: z.array(productSchema),
  pendingReboot: pendingRebootSchema,
  bootConfiguration: bootConfigurationSchema,
};

export interface SectionOutcome {
  value: unknown;
  /** Set when the section failed (the value is then null). */
  error?: string;
}

/** Validates one section's raw value; failure gives the reason in plain words. */
export function validateSection(section: ProbeSectionName, raw: unknown): SectionOutcome {
  if (raw === null || raw === undefined) return { value: null, error: 'no data' };
  const parsed = SECTION_SCHEMAS[section].safeParse(raw);
  if (parsed.success) return { value: parsed.data };
  if (section === 'hotfixes' && Array.isArray(raw)) return validateHotfixRows(raw);
  return { value: null, error: `unusable output: ${describeZodError(parsed.error, section)}` };
}

/**
 * Installed updates row by row: one unreadable row (a date Windows wrote in another format, a damaged
 * entry) must not lose the whole list. A row whose only problem is its date keeps its KB with
 * installedOn null; a row without a usable KB is left out; both are reported.
 */
function validateHotfixRows(rows: unknown[]): SectionOutcome {
  const kept: unknown[] = [];
  const problems: string[] = [];
  rows.forEach((row, index) => {
    const whole = SECTION_SCHEMAS.hotfixes.safeParse([row]);
    if (whole.success) {
      kept.push(...(whole.data as unknown[]));
      return;
    }
    if (typeof row === 'object' && row !== null && !Array.isArray(row)) {
      const withoutDate = SECTION_SCHEMAS.hotfixes.safeParse([{ ...(row as Record<string, unknown>), installedOn: null }]);
      if (withoutDate.success) {
        kept.push(...(withoutDate.data as unknown[]));
        problems.push(`row ${index + 1}: installation date unreadable`);
        return;
      }
    }
    problems.push(`row ${index + 1}: ${describeZodError(whole.error, 'hotfixes').replace(/^hotfixes\[0\]/, 'hotfixes')}`);
  });
  if (kept.length === 0) return { value: null, error: `unusable output: ${problems.join('; ')}` };
  return { value: kept, error: `unusable rows kept out or shortened: ${problems.join('; ')}` };
}

/** Keeps the errors[] entries that are well-formed, turning the rest into one honest entry. */
export function validErrors(raw: unknown): CollectionError[] {
  if (!Array.isArray(raw)) return [];
  const errors: CollectionError[] = [];
  for (const entry of raw) {
    const parsed = collectionErrorSchema.safeParse(entry);
    if (parsed.success) errors.push(parsed.data);
    else errors.push({ section: 'collector', message: 'an error entry of the collector was unreadable' });
  }
  return errors;
}

export type SnapshotSections = Partial<Record<ProbeSectionName, unknown>>;

/** Puts validated sections and errors into the snapshot envelope. os must already be valid. */
export function buildSnapshot(envelope: Pick<Snapshot, 'collectedAt' | 'collector' | 'os'>, sections: SnapshotSections, errors: CollectionError[]): Snapshot {
  const snapshot: Snapshot = { format: 'acs-snapshot', version: 1, collectedAt: envelope.collectedAt, collector: envelope.collector, os: envelope.os };
  for (const [key, value] of Object.entries(sections)) {
    if (key !== 'os') (snapshot as Record<string, unknown>)[key] = value;
  }
  snapshot.errors = dedupeErrors(errors);
  return snapshot;
}

function dedupeErrors(errors: CollectionError[]): CollectionError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.section}\u0000${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** ISO date-time without milliseconds, as every snapshot writes it. */
export function isoNow(date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
