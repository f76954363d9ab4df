// Characters that can hide or reorder what a reader sees, or end a field early, in text from a snapshot:
// C0 controls (NUL included; tab, line feed and carriage return are allowed where the caller says so),
// DEL, C1 controls, and the Unicode bidirectional and invisible format controls (U+061C, U+200B–U+200F,
// U+202A–U+202E, U+2066–U+2069, U+FEFF). Shared by every output a person reads: HTML, CSV, NDJSON.

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS_AND_BREAKS = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/g;
const BIDI_AND_FORMAT = /[\u061C\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
/** Everything JSON.stringify leaves raw that a terminal or viewer would act on (it escapes C0 itself). */
const JSON_RAW_UNSAFE = /[\u007F-\u009F\u061C\u200B-\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** Bidi and format controls removed; other control characters shown as U+FFFD. Tab and line breaks
 * stay unless `keepBreaks` is false (a CSV cell or a title keeps none). */
export function neutraliseControls(text: string, keepBreaks = true): string {
  return text.replace(BIDI_AND_FORMAT, '').replace(keepBreaks ? CONTROLS : CONTROLS_AND_BREAKS, '\uFFFD');
}

/** JSON text whose C1, bidi and line-separator characters are written as \uXXXX escapes: the same data
 * for every JSON reader, inert on screen. */
export function escapeUnsafeJson(json: string): string {
  return json.replace(JSON_RAW_UNSAFE, (char) => `\\u${char.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** One log line for a terminal: line breaks folded into spaces, escape, C0/C1 and bidi controls shown
 * as \u{…} (the same rule as the CLI's terminalSafeLine, for modules that do not import the CLI). */
export function terminalLogLine(text: string): string {
  return text
    .replace(/\s*(?:\r\n?|\n)\s*/g, ' ')
    .replace(TERMINAL_UNSAFE, (char) => `\\u{${char.codePointAt(0)!.toString(16)}}`)
    .trim();
}
