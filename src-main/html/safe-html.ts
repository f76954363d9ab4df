// HTML built only through a tagged template that escapes every interpolated value, so names and paths
// from a snapshot can never become markup, and removes bidirectional controls and shows other control
// characters as U+FFFD, so they cannot reorder or hide what the reader sees (title and body alike).
import { neutraliseControls } from '../text/controls.js';

/** A piece of HTML that is already safe (made by `html` or `trustedSvg`). */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(text: string): string {
  return neutraliseControls(text).replace(/[&<>"'`]/g, (character) => ENTITIES[character] ?? character);
}

type Interpolation = SafeHtml | string | number | boolean | null | undefined | readonly Interpolation[];

function render(value: Interpolation): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map((item: Interpolation) => render(item)).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/** Tagged template: literal parts are trusted, every `${value}` is escaped unless it is SafeHtml. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Accepts the QR code SVG only in the shape the `qrcode` package draws: one svg of path elements. */
export function trustedQrSvg(svg: string | null | undefined): SafeHtml | null {
  if (!svg) return null;
  const trimmed = svg.trim();
  const shape = /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"(?: (?:viewBox|shape-rendering|width|height)="[0-9a-zA-Z .-]*")*>(?:<path (?:(?:fill|stroke|d)="[0-9a-zA-Z #.-]*" ?)+\/>)+<\/svg>$/;
  return shape.test(trimmed) ? new SafeHtml(trimmed) : null;
}
