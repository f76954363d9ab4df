// The message format of the catalogues: a small subset of ICU MessageFormat, rendered with Intl.
//   {name}                      the parameter (a nested message is rendered; a list is joined with "and")
//   {name, number}              Intl.NumberFormat (build numbers and KBs are plain {name}: never grouped)
//   {name, date} {name, month}  an ISO date (YYYY-MM-DD) as a long date / month and year, in UTC
//   {name, datetime}            an ISO time as date and time in UTC, with "UTC"
//   {name, list}                a list joined with "and" (Intl.ListFormat); {name, list, or}; {name, list, semicolon}
//   {name, plural, one {…} other {…}}   Intl.PluralRules; # is the number; =0 {…} matches exactly
//   {name, select, a {…} other {…}}     chooses by the parameter's text
// No imports: main process, CLI, reports and the renderer share it (src-main/shared/).

/** A message id with its parameters; what the diagnosis writes next to its English text. */
export interface MessageRef {
  id: string;
  params?: Readonly<Record<string, MessageParam>>;
}
export type MessageParam = string | number | boolean | MessageRef | readonly MessageParam[];

export function isMessageRef(value: unknown): value is MessageRef {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { id?: unknown }).id === 'string';
}

type Node = string | { name: string; type: string; style: string; options: Record<string, Node[]> };

const parsed = new Map<string, Node[]>();

/** Parses a template once (cached). Throws on unbalanced braces: the completeness test parses every text. */
export function parseTemplate(template: string): Node[] {
  const cached = parsed.get(template);
  if (cached) return cached;
  const { nodes, end } = parseNodes(template, 0, false);
  if (end !== template.length) throw new Error(`Unbalanced "}" at ${end} in: ${template}`);
  parsed.set(template, nodes);
  return nodes;
}

function parseNodes(text: string, start: number, inOption: boolean): { nodes: Node[]; end: number } {
  const nodes: Node[] = [];
  let literal = '';
  let i = start;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '}') {
      if (!inOption) throw new Error(`Unexpected "}" at ${i} in: ${text}`);
      break;
    }
    if (char === "'" && text[i + 1] === "'") {
      literal += "'";
      i += 2;
      continue;
    }
    if (char === '{') {
      if (literal) nodes.push(literal);
      literal = '';
      const { node, end } = parseArgument(text, i + 1);
      nodes.push(node);
      i = end;
      continue;
    }
    if (char === '#' && inOption) {
      if (literal) nodes.push(literal);
      literal = '';
      nodes.push({ name: '#', type: 'hash', style: '', options: {} });
      i += 1;
      continue;
    }
    literal += char;
    i += 1;
  }
  if (literal) nodes.push(literal);
  return { nodes, end: i };
}

function parseArgument(text: string, start: number): { node: Node; end: number } {
  let i = start;
  const header: string[] = [];
  let current = '';
  let hasOptions = false;
  while (i < text.length && text[i] !== '}') {
    const char = text[i]!;
    if (char === '{') throw new Error(`Unexpected "{" at ${i} in: ${text}`);
    i += 1;
    if (char !== ',') {
      current += char;
      continue;
    }
    header.push(current.trim());
    current = '';
    if (header.length === 2 && (header[1] === 'plural' || header[1] === 'select')) {
      hasOptions = true;
      break;
    }
  }
  if (!hasOptions) {
    header.push(current.trim());
    if (text[i] !== '}') throw new Error(`Unclosed argument at ${start} in: ${text}`);
    const [name = '', type = '', style = ''] = header;
    if (!name) throw new Error(`Empty argument at ${start} in: ${text}`);
    return { node: { name, type, style, options: {} }, end: i + 1 };
  }
  // plural / select: key {text} pairs until the closing brace.
  const options: Record<string, Node[]> = {};
  for (;;) {
    while (/\s/.test(text[i] ?? '')) i += 1;
    if (text[i] === '}') break;
    let key = '';
    while (i < text.length && !/[\s{]/.test(text[i]!)) key += text[i++];
    while (/\s/.test(text[i] ?? '')) i += 1;
    if (text[i] !== '{' || !key) throw new Error(`Expected "key {text}" at ${i} in: ${text}`);
    const inner = parseNodes(text, i + 1, true);
    if (text[inner.end] !== '}') throw new Error(`Unclosed option at ${i} in: ${text}`);
    options[key] = inner.nodes;
    i = inner.end + 1;
  }
  if (!options.other) throw new Error(`${header[1]} without "other" in: ${text}`);
  return { node: { name: header[0]!, type: header[1]!, style: '', options }, end: i + 1 };
}

/** Every parameter name a template uses (for the completeness test). */
export function templateParams(template: string): Set<string> {
  const names = new Set<string>();
  const visit = (nodes: Node[]) => {
    for (const node of nodes) {
      if (typeof node === 'string' || node.type === 'hash') continue;
      names.add(node.name);
      for (const option of Object.values(node.options)) visit(option);
    }
  };
  visit(parseTemplate(template));
  return names;
}

/** Plain text of every literal part of a template (what a translator wrote, without parameters). */
export function templateLiterals(template: string): string[] {
  const out: string[] = [];
  const visit = (nodes: Node[]) => {
    for (const node of nodes) {
      if (typeof node === 'string') out.push(node);
      else for (const option of Object.values(node.options)) visit(option);
    }
  };
  visit(parseTemplate(template));
  return out;
}

export interface FormatContext {
  locale: string;
  /** Renders a nested message (in the same language). */
  renderRef: (ref: MessageRef) => string;
}

export function formatTemplate(template: string, params: Readonly<Record<string, MessageParam>>, context: FormatContext): string {
  return renderNodes(parseTemplate(template), params, context, null);
}

function renderNodes(nodes: Node[], params: Readonly<Record<string, MessageParam>>, context: FormatContext, hash: number | null): string {
  let out = '';
  for (const node of nodes) {
    if (typeof node === 'string') {
      out += node;
      continue;
    }
    if (node.type === 'hash') {
      out += hash === null ? '#' : new Intl.NumberFormat(context.locale).format(hash);
      continue;
    }
    const value = params[node.name];
    switch (node.type) {
      case 'plural': {
        const count = typeof value === 'number' ? value : Array.isArray(value) ? value.length : Number(value ?? 0);
        const exact = node.options[`=${count}`];
        const category = new Intl.PluralRules(context.locale).select(count);
        out += renderNodes(exact ?? node.options[category] ?? node.options.other!, params, context, count);
        break;
      }
      case 'select': {
        const key = String(value ?? 'other');
        out += renderNodes(node.options[key] ?? node.options.other!, params, context, hash);
        break;
      }
      case 'number':
        out += typeof value === 'number' ? new Intl.NumberFormat(context.locale).format(value) : renderValue(value, context, 'and');
        break;
      case 'datetime':
        out += formatIsoDateTime(typeof value === 'string' ? value : String(value ?? ''), context.locale);
        break;
      case 'date':
      case 'month':
        out += formatIsoDate(typeof value === 'string' ? value : String(value ?? ''), context.locale, node.type);
        break;
      case 'list':
        out += renderValue(value, context, node.style === 'or' ? 'or' : node.style === 'semicolon' ? 'semicolon' : 'and');
        break;
      default:
        out += renderValue(value, context, 'and');
    }
  }
  return out;
}

function renderValue(value: MessageParam | undefined, context: FormatContext, join: 'and' | 'or' | 'semicolon'): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) {
    const items = (value as readonly MessageParam[]).map((item) => renderValue(item, context, join));
    if (join === 'semicolon') return items.join(context.locale.startsWith('ja') ? '、' : '; ');
    return new Intl.ListFormat(context.locale, { type: join === 'or' ? 'disjunction' : 'conjunction', style: 'long' }).format(items);
  }
  if (isMessageRef(value)) return context.renderRef(value);
  return String(value);
}

/** "2021-10-12" as "12 October 2021" / "12. Oktober 2021" / "2021年10月12日"; unparsable text as it is. */
export function formatIsoDate(iso: string, locale: string, kind: 'date' | 'month' = 'date'): string {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso);
  if (!match) return iso;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3] ?? 1)));
  const options: Intl.DateTimeFormatOptions = kind === 'month' || !match[3] ? { year: 'numeric', month: 'long', timeZone: 'UTC' } : { dateStyle: 'long', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}

/** "2026-12-05T09:14:00Z" as "5 Dec 2026, 09:14 UTC" / "05.12.2026, 09:14 UTC" / "2026/12/05 9:14 UTC"; unparsable text as it is. */
export function formatIsoDateTime(iso: string, locale: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time) || !/T\d{2}:\d{2}/.test(iso)) return formatIsoDate(iso, locale);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(time)) + ' UTC';
}
