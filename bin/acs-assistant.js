#!/usr/bin/env node
// Entry point of the `acs-assistant` command line: runs the compiled CLI from dist/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cliPath = fileURLToPath(new URL('../dist/main/cli/main.js', import.meta.url));
if (!existsSync(cliPath)) {
  process.stderr.write('acs-assistant: the program is not built yet. Run "npm install" (or "npm run build") in the project folder first.\n');
  process.exit(70);
}
const { runCli } = await import(cliPath);
process.exitCode = await runCli(process.argv.slice(2));
