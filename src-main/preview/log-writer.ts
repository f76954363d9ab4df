// The preview server's log lines (refused requests, failures) carry text a browser sent: each goes to
// stderr through the terminal-safe writer, as one line without escape, C1 or bidi controls.
import { terminalLogLine } from '../text/controls.js';

export function previewLogWriter(write: (text: string) => void = (text) => void process.stderr.write(text)): (line: string) => void {
  return (line) => write(`${terminalLogLine(line)}\n`);
}
