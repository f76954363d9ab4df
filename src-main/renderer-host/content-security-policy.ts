// The renderer's Content-Security-Policy: only the app's own scripts, styles and images, no network
// but the app's own origin (the preview bridge), no plugins, frames, forms or base changes. Sent as a
// response header (Electron session, preview server) and written into index.html as a meta tag.

export const CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'none'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self'",
  'font-src': "'self'",
  'connect-src': "'self'",
  'base-uri': "'none'",
  'form-action': "'none'",
};

/** Directives a meta tag cannot carry (browsers ignore them there); header only. */
const HEADER_ONLY: Readonly<Record<string, string>> = { 'frame-ancestors': "'none'" };

function render(directives: Readonly<Record<string, string>>): string {
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

/** For the meta tag in index.html. */
export const CONTENT_SECURITY_POLICY = render(CSP_DIRECTIVES);
/** For the Content-Security-Policy response header. */
export const CONTENT_SECURITY_POLICY_HEADER = render({ ...CSP_DIRECTIVES, ...HEADER_ONLY });

/** Parses a policy into directive -> value (tests compare the meta tag with the header this way). */
export function parsePolicy(policy: string): Record<string, string> {
  const parsed: Record<string, string> = {};
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) parsed[name.toLowerCase()] = values.join(' ');
  }
  return parsed;
}
