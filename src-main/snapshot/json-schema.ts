// The JSON Schema of the public snapshot format, exported from its zod validator (docs/schemas/ holds the
// output). The diagnosis format's is in src-main/diagnosis/json-schema.ts (the snapshot imports nothing above it).
import { z } from 'zod';
import { snapshotSchema } from './schema.js';

export function snapshotJsonSchema(): Record<string, unknown> {
  return { ...z.toJSONSchema(snapshotSchema, { io: 'input', unrepresentable: 'any' }), $id: 'https://acs-support-assistant.invalid/schemas/acs-snapshot-1.json', title: 'acs-snapshot version 1' };
}
