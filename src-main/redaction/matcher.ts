// Finds every known value in a text in one pass (Aho-Corasick over the lower-cased text), so redacting
// and checking a report stays linear in its size however many values were learnt. At each position the
// longest value that is a whole token there (acceptsMatch) wins, then the scan goes on after it: the
// same result the former alternation of every value (longest first) gave, without its quadratic cost.
import { acceptsMatch, type RedactionKind } from './patterns.js';

export interface MatcherEntry {
  kind: RedactionKind;
  /** The value as learnt (its letter case does not matter). */
  value: string;
}

export interface ValueMatch<E extends MatcherEntry> {
  start: number;
  end: number;
  entry: E;
}

/** Lower case of each UTF-16 unit, keeping the length (so positions match the original text). */
export function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (let index = 0; index < text.length; index += 1) {
    const unit = text[index]!;
    const lowered = unit.toLowerCase();
    out += lowered.length === 1 ? lowered : unit;
  }
  return out;
}

export class ValueMatcher<E extends MatcherEntry> {
  /** Child links per node, keyed by UTF-16 unit. */
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** The entry whose value ends at this node (-1 none). */
  private readonly terminal: number[] = [-1];
  /** Nearest node along the fail links that is a terminal (-1 none). */
  private readonly outputLink: number[] = [-1];
  private readonly entries: readonly E[];
  private readonly lengths: number[];

  constructor(entries: readonly E[]) {
    this.entries = entries;
    this.lengths = entries.map((entry) => entry.value.length);
    entries.forEach((entry, index) => {
      const key = lowerSameLength(entry.value);
      if (key.length === 0) return;
      let node = 0;
      for (let position = 0; position < key.length; position += 1) {
        const unit = key.charCodeAt(position);
        let child = this.next[node]!.get(unit);
        if (child === undefined) {
          child = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          this.terminal.push(-1);
          this.outputLink.push(-1);
          this.next[node]!.set(unit, child);
        }
        node = child;
      }
      if (this.terminal[node] === -1) this.terminal[node] = index;
    });
    // Breadth-first: fail links and output links.
    const queue: number[] = [];
    for (const child of this.next[0]!.values()) queue.push(child);
    for (let head = 0; head < queue.length; head += 1) {
      const node = queue[head]!;
      for (const [unit, child] of this.next[node]!) {
        let fallback = this.fail[node]!;
        while (fallback !== 0 && !this.next[fallback]!.has(unit)) fallback = this.fail[fallback]!;
        const target = this.next[fallback]!.get(unit);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        const failNode = this.fail[child]!;
        this.outputLink[child] = this.terminal[failNode] !== -1 ? failNode : this.outputLink[failNode]!;
        queue.push(child);
      }
    }
  }

  get size(): number {
    return this.entries.length;
  }

  /** Non-overlapping matches, left to right, the longest acceptable value at each position. */
  matches(text: string): ValueMatch<E>[] {
    if (this.entries.length === 0 || text.length === 0) return [];
    const lower = lowerSameLength(text);
    // Candidate entries by start position (only positions where some value ends are recorded).
    const candidates = new Map<number, number[]>();
    let node = 0;
    for (let position = 0; position < lower.length; position += 1) {
      const unit = lower.charCodeAt(position);
      while (node !== 0 && !this.next[node]!.has(unit)) node = this.fail[node]!;
      node = this.next[node]!.get(unit) ?? 0;
      for (let output = this.terminal[node] !== -1 ? node : this.outputLink[node]!; output !== -1; output = this.outputLink[output]!) {
        const index = this.terminal[output]!;
        const start = position + 1 - this.lengths[index]!;
        const list = candidates.get(start);
        if (list) list.push(index);
        else candidates.set(start, [index]);
      }
    }
    if (candidates.size === 0) return [];
    const starts = [...candidates.keys()].sort((a, b) => a - b);
    const found: ValueMatch<E>[] = [];
    let cursor = 0;
    for (const start of starts) {
      if (start < cursor) continue;
      const list = candidates.get(start)!.sort((a, b) => this.lengths[b]! - this.lengths[a]!);
      for (const index of list) {
        const entry = this.entries[index]!;
        const end = start + this.lengths[index]!;
        if (acceptsMatch(entry.kind, entry.value, text, start, end)) {
          found.push({ start, end, entry });
          cursor = end;
          break;
        }
      }
    }
    return found;
  }

  /** The text with each match replaced. */
  replace(text: string, replacement: (entry: E) => string): string {
    const found = this.matches(text);
    if (found.length === 0) return text;
    let out = '';
    let last = 0;
    for (const match of found) {
      out += text.slice(last, match.start) + replacement(match.entry);
      last = match.end;
    }
    return out + text.slice(last);
  }
}
