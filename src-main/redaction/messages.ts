// Sentences redaction shows to people (through the report export and the app).
export const REDACTION_MESSAGES = {
  tooManyValues: (limit: number) =>
    `This material holds more than ${limit.toLocaleString('en-US')} distinct names and addresses to replace, far more than any real machine has; it was not redacted and nothing was written. Make the report from an ordinary snapshot, or without redaction if you are entitled to see the names.`,
} as const;
