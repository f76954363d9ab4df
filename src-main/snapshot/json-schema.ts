// JSON Schemas of the public formats, exported from the zod validators (docs/schemas/ holds the output).
import { z } from 'zod';
import { diagnosisSchema } from '../diagnosis/schema.js';
import { snapshotSchema } from './schema.js';

export function snapshotJsonSchema(): Record<string, unknown> {
  return { ...z.toJSONSchema(snapshotSchema, { io: 'input', unrepresentable: 'any' }), $id: 'https://acs-support-assistant.invalid/schemas/acs-snapshot-1.json', title: 'acs-snapshot version 1' };
}

export function diagnosisJsonSchema(): Record<string, unknown> {
  return { ...z.toJSONSchema(diagnosisSchema, { io: 'output', unrepresentable: 'any' }), $id: 'https://acs-support-assistant.invalid/schemas/acs-diagnosis-1.json', title: 'acs-diagnosis version 1' };
}
