// The report's one stylesheet (inline, allowed by its hash in the page's Content-Security-Policy).
import { createHash } from 'node:crypto';

export const REPORT_CSS = `
:root { color-scheme: light; font-family: "Segoe UI", system-ui, -apple-system, sans-serif; color: #1b1b1b; }
:root:lang(ja) { font-family: "Yu Gothic UI", "Meiryo UI", Meiryo, "Yu Gothic", "Hiragino Sans", "Noto Sans CJK JP", "Noto Sans JP", sans-serif; }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
h3 { font-size: 1.05rem; margin: 1rem 0 .25rem; }
.verdict { display: inline-block; padding: .2rem .6rem; border-radius: .3rem; font-weight: 600; border: 2px solid; }
.verdict-ready { color: #0a5a1f; border-color: #0a5a1f; } .verdict-action-required { color: #8a1c1c; border-color: #8a1c1c; }
.verdict-unsupported { color: #6b3d00; border-color: #6b3d00; } .verdict-unknown { color: #3b3b3b; border-color: #3b3b3b; }
.code { font-family: Consolas, "DejaVu Sans Mono", monospace; font-size: 1.4rem; letter-spacing: .08em; }
.qr svg { width: 8rem; height: 8rem; }
.header { display: flex; gap: 1.5rem; justify-content: space-between; align-items: flex-start; flex-wrap: wrap; }
.notice { background: #fff7d6; border: 1px solid #c9a800; padding: .5rem .75rem; border-radius: .3rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-size: .92rem; }
th, td { border: 1px solid #bbb; padding: .25rem .45rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #f0f0f0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; } dl.facts dt { font-weight: 600; }
.finding { border-left: 4px solid #888; padding: .25rem .75rem; margin: .75rem 0; }
.severity-critical { border-color: #8a1c1c; } .severity-warning { border-color: #b36b00; } .severity-info { border-color: #2f5d8a; }
code, pre { font-family: Consolas, "DejaVu Sans Mono", monospace; font-size: .88rem; white-space: pre-wrap; overflow-wrap: anywhere; }
ol.plan li { margin-bottom: .5rem; }
footer { margin-top: 2rem; font-size: .85rem; color: #444; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; } .finding, tr, .header, ol.plan li { break-inside: avoid; }
  .notice { background: none; } th { background: none; }
  a { color: inherit; text-decoration: none; }
}
`;

export const REPORT_CSS_HASH = `sha256-${createHash('sha256').update(REPORT_CSS, 'utf8').digest('base64')}`;

/** Nothing may load: no scripts, images, fonts, frames or connections; only the hashed stylesheet applies. */
export const REPORT_CSP = `default-src 'none'; style-src '${REPORT_CSS_HASH}'; base-uri 'none'; form-action 'none'`;
