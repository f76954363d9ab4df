// collect.ps1 parsed by a real PowerShell grammar (tree-sitter-powershell, WebAssembly): no syntax
// errors, and the parser does find them in broken text (so this test can fail). PowerShell itself is not
// available here; this is the closest check of the script's syntax.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { Language, Parser, type Node } from 'web-tree-sitter';
import { collectorScriptPath } from '../../../src-main/probe/collect.js';

let parser: Parser;

beforeAll(async () => {
  await Parser.init();
  const wasm = createRequire(import.meta.url).resolve('tree-sitter-powershell/tree-sitter-powershell.wasm');
  parser = new Parser();
  parser.setLanguage(await Language.load(wasm));
});

function syntaxErrors(source: string): string[] {
  const tree = parser.parse(source);
  if (!tree) throw new Error('the parser gave no tree');
  const errors: string[] = [];
  const walk = (node: Node) => {
    if (node.type === 'ERROR' || node.isMissing) errors.push(`${node.isMissing ? 'missing' : 'error'} at line ${node.startPosition.row + 1}: ${node.text.slice(0, 60)}`);
    for (const child of node.children) if (child) walk(child);
  };
  walk(tree.rootNode);
  return errors;
}

describe('collect.ps1 syntax', () => {
  it('parses without a syntax error', () => {
    expect(syntaxErrors(readFileSync(collectorScriptPath(), 'utf8'))).toEqual([]);
  });

  it('parses each section body and the helpers on their own', () => {
    const script = readFileSync(collectorScriptPath(), 'utf8');
    const bodies = [...script.matchAll(/^\$Sections\['(\w+)'\] = \{\r?\n([\s\S]*?)^\}$/gm)];
    expect(bodies).toHaveLength(11);
    for (const [, name, body] of bodies) expect(syntaxErrors(body ?? ''), name).toEqual([]);
  });

  it('parses the text each runspace runs (wrapper + helpers + section), composed as the script composes it', () => {
    const script = readFileSync(collectorScriptPath(), 'utf8');
    const helpers = /^\$Helpers = \{\r?\n([\s\S]*?)^\}$/m.exec(script)?.[1];
    expect(helpers).toBeDefined();
    expect(script).toContain(
      "$Wrapper = 'param($Settings)' + \"`n\" + 'Set-StrictMode -Version Latest' + \"`n\" + '$ErrorActionPreference = ''Stop''' + \"`n\" + '$Notes = New-Object System.Collections.Generic.List[object]' + \"`n\" + '$Value = $null' + \"`n\" + $Helpers.ToString() + \"`n\"",
    );
    const wrapper = `param($Settings)\nSet-StrictMode -Version Latest\n$ErrorActionPreference = 'Stop'\n$Notes = New-Object System.Collections.Generic.List[object]\n$Value = $null\n${helpers}\n`;
    for (const [, name, body] of script.matchAll(/^\$Sections\['(\w+)'\] = \{\r?\n([\s\S]*?)^\}$/gm)) {
      const text = `${wrapper}try {\n${body}\n@{ ok = $true; value = $Value; notes = $Notes.ToArray() }\n} catch { @{ ok = $false; error = [string]$_.Exception.Message; notes = $Notes.ToArray() } }`;
      expect(syntaxErrors(text), name).toEqual([]);
    }
  });

  it('finds errors in broken PowerShell', () => {
    expect(syntaxErrors('$x = @{ a = 1\nif ($true) { "ok" ')).not.toEqual([]);
    expect(syntaxErrors('foreach ($a in ) { }')).not.toEqual([]);
  });
});
