// Static checks of assets/probe/collect.ps1 (PowerShell cannot run here): it declares every section,
// its defaults match the catalogue, inputs never become script text, and its brackets balance.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TREND_AGENT_SERVICE_NAMES } from '../../../src-main/catalogue/trend-agents.js';
import { PROBE_SECTIONS, SECTION_BUDGET_MS, LOCKED_DOWN_EXIT_CODE } from '../../../src-main/probe/protocol.js';
import { collectorScriptPath } from '../../../src-main/probe/collect.js';
import { PROGRAM_VERSION } from '../../../src-main/version.js';
import { SECTION_SCHEMAS } from '../../../src-main/probe/assemble.js';
import { z } from 'zod';

const script = readFileSync(collectorScriptPath(), 'utf8');

/** Splits PowerShell text into code (comments and string contents removed) and its double-quoted strings. */
function scanPowerShell(text: string): { code: string; doubleQuoted: string[] } {
  const doubleQuoted: string[] = [];
  let out = '';
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (char === '<' && text[index + 1] === '#') {
      const end = text.indexOf('#>', index + 2);
      index = end < 0 ? text.length : end + 2;
    } else if (char === '#') {
      while (index < text.length && text[index] !== '\n') index++;
    } else if (char === "'") {
      index++;
      while (index < text.length) {
        if (text[index] === "'" && text[index + 1] === "'") index += 2;
        else if (text[index] === "'") break;
        else index++;
      }
      index++;
      out += "''";
    } else if (char === '"') {
      const start = ++index;
      while (index < text.length && text[index] !== '"') index += text[index] === '`' ? 2 : 1;
      doubleQuoted.push(text.slice(start, index));
      index++;
      out += '""';
    } else {
      out += char;
      index++;
    }
  }
  return { code: out, doubleQuoted };
}

function codeOnly(text: string): string {
  return scanPowerShell(text).code;
}

describe('collect.ps1', () => {
  it('works on Windows PowerShell 2.0 and later (Windows 7 / 2008 R2) and stops early in Constrained Language Mode', () => {
    expect(script.startsWith('#Requires -Version 2.0')).toBe(true);
    const firstCode = script.split('\n').find((line) => line.trim() !== '' && !line.trim().startsWith('#'));
    expect(firstCode).toContain("$ExecutionContext.SessionState.LanguageMode -ne 'FullLanguage'");
    expect(script).toContain(`exit ${LOCKED_DOWN_EXIT_CODE}`);
  });

  it('declares every probe section, with the budgets the app uses', () => {
    for (const section of PROBE_SECTIONS) {
      expect(script).toContain(`$Sections['${section}'] = {`);
      expect(script).toMatch(new RegExp(`\\b${section} = ${SECTION_BUDGET_MS[section]}\\b`));
    }
  });

  it('asks Windows for the catalogue service names by default, and writes the program version', () => {
    const list = /serviceNames\s+= @\(([^)]*)\)/.exec(script)?.[1] ?? '';
    const names = [...list.matchAll(/'([^']+)'/g)].map((match) => match[1]);
    expect(names).toEqual([...TREND_AGENT_SERVICE_NAMES]);
    expect(script).toContain(`$ScriptVersion = '${PROGRAM_VERSION}'`);
  });

  it('never turns input into script text', () => {
    const code = codeOnly(script);
    expect(code).not.toMatch(/Invoke-Expression|\biex\b|\[scriptblock\]::Create|NewScriptBlock|Add-Type/i);
    // Double-quoted strings (the only ones PowerShell expands) hold no variables at all.
    const { doubleQuoted } = scanPowerShell(script);
    expect(doubleQuoted.length).toBeGreaterThan(3);
    for (const text of doubleQuoted) expect(text).not.toMatch(/\$/);
    // The only text given to AddScript is built from the script's own blocks.
    expect(script).toMatch(/AddScript\(\$text\)/);
    expect(script).toMatch(/\$text = \$Wrapper \+ 'try \{' \+ "`n" \+ \$Sections\[\$name\]\.ToString\(\)/);
  });

  it('has balanced brackets outside strings and comments', () => {
    const code = codeOnly(script);
    const pairs: Record<string, string> = { ')': '(', '}': '{', ']': '[' };
    const stack: string[] = [];
    code.split('').forEach((char, offset) => {
      if ('({['.includes(char)) stack.push(char);
      else if (char in pairs) {
        const open = stack.pop();
        if (open !== pairs[char]) throw new Error(`unbalanced ${char} at code offset ${offset}: ${code.slice(Math.max(0, offset - 80), offset + 1)}`);
      }
    });
    expect(stack).toEqual([]);
  });

  it('writes every field the snapshot schema expects of each section', () => {
    const fieldsOf = (schema: z.ZodType): string[] => {
      const inner = schema instanceof z.ZodArray ? (schema.element as z.ZodType) : schema;
      if (inner instanceof z.ZodObject) return Object.keys(inner.shape);
      if (inner instanceof z.ZodUnion) return fieldsOf(inner.options[0] as z.ZodType);
      return [];
    };
    for (const section of PROBE_SECTIONS) {
      for (const field of fieldsOf(SECTION_SCHEMAS[section])) {
        if (field === 'kernelVersion') continue;
        expect(script, `${section}.${field}`).toMatch(new RegExp(`\\b${field} = |\\['${field}'\\] = `));
      }
    }
    for (const field of ['root', 'disallowed', 'thumbprint', 'notBefore', 'store', 'rootThumbprint', 'statusMessage']) expect(script).toMatch(new RegExp(`\\b${field} = `));
  });

  it('uses source-side event filtering and raw insertion strings', () => {
    expect(script).toContain('Get-WinEvent -FilterHashtable $filter -MaxEvents');
    expect(script).toContain("GetElementsByTagName('Data')");
    for (const id of [7000, 7009, 7023, 7024, 7026, 7031, 7034, 3004, 3033, 3089, 3104]) expect(script).toContain(String(id));
  });

  it('writes ASCII-only JSON through the raw output stream, whatever the console code page', () => {
    // Its own JSON writer (Windows PowerShell 2.0 has no ConvertTo-Json): anything outside printable ASCII as \uXXXX.
    expect(script).toContain("elseif ($code -lt 32 -or $code -gt 126) { [void]$Builder.Append('\\u' + $code.ToString('x4', $JsonInvariant)) }");
    expect(codeOnly(script)).not.toContain('ConvertTo-Json');
    expect(script).toContain('[Console]::OpenStandardOutput()');
    expect(script).not.toMatch(/Write-Host|Format-List|Format-Table|Out-String/);
  });
});
