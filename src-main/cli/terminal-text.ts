// Makes text from a snapshot safe to print in a terminal: no escape sequences, no control or
// bidirectional-override characters that could hide or reorder what the reader sees.

// C0 controls except tab and newline, DEL, C1 controls, and Unicode bidi/format controls.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

export function terminalSafe(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(UNSAFE, (char) => `\\u{${char.codePointAt(0)!.toString(16)}}`);
}

/** One line for stderr: safe characters, line breaks folded into spaces. */
export function terminalSafeLine(text: string): string {
  return terminalSafe(text)
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

/** JSON whose C1 and bidirectional controls (which JSON.stringify leaves raw) are escaped as \\uXXXX:
 * the same data for any JSON reader, harmless on screen. */
export function terminalSafeJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(/[\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, (char) => `\\u${char.codePointAt(0)!.toString(16).padStart(4, '0')}`)}\n`;
}

/** Wraps plain text to a width, indenting every line. */
export function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  for (const paragraph of terminalSafe(text).split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(indent + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(indent + line);
  }
  return lines.join('\n');
}
