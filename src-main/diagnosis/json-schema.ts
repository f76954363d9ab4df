// The JSON Schema of the public diagnosis format, exported from its zod validator (docs/schemas/ holds the output).
import { z } from 'zod';
import { diagnosisSchema } from './schema.js';

export function diagnosisJsonSchema(): Record<string, unknown> {
  return { ...z.toJSONSchema(diagnosisSchema, { io: 'output', unrepresentable: 'any' }), $id: 'https://acs-support-assistant.invalid/schemas/acs-diagnosis-1.json', title: 'acs-diagnosis version 1' };
}
