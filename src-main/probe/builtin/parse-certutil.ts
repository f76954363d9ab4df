// Pure parser for `certutil -store NAME`: one entry per certificate. Labels are localised (Issuer,
// Aussteller, 発行者…) but their order is not, and "NotBefore"/"NotAfter" and "(sha1)" stay English,
// so the parser finds fields by position and those markers. Dates are the machine's local time in
// its short date format (en-US, de-DE, ja-JP, ISO handled).

export interface CertutilCertificate {
  thumbprint: string;
  subject: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
}

export interface CertutilStoreResult {
  certificates: CertutilCertificate[];
  /** Blocks that could not be read (a certificate without a hash or with an unreadable date). */
  unreadable: number;
}

const BLOCK_HEADER = /^=+ .+ \d+ =+$/;

export function parseCertutilStore(text: string, toIso: (local: LocalDateTime) => string = localToIso): CertutilStoreResult {
  const lines = text.split(/\r?\n/).map((line) => line.replace(/\r$/, ''));
  const blocks: string[][] = [];
  let current: string[] | null = null;
  for (const line of lines) {
    if (BLOCK_HEADER.test(line.trim())) {
      current = [];
      blocks.push(current);
    } else if (current) {
      current.push(line);
    }
  }
  const certificates: CertutilCertificate[] = [];
  let unreadable = 0;
  for (const block of blocks) {
    const parsed = parseBlock(block, toIso);
    if (parsed) certificates.push(parsed);
    else unreadable++;
  }
  return { certificates, unreadable };
}

function valueAfterLabel(line: string | undefined): string {
  if (line === undefined) return '';
  const index = line.indexOf(': ');
  return index < 0 ? '' : line.slice(index + 2).trim();
}

function parseBlock(block: string[], toIso: (local: LocalDateTime) => string): CertutilCertificate | null {
  const notBeforeIndex = block.findIndex((line) => /^\s*NotBefore\s*:/.test(line));
  const notAfterIndex = block.findIndex((line) => /^\s*NotAfter\s*:/.test(line));
  const hashLine = block.find((line) => /\(sha1\)\s*:/i.test(line));
  if (notBeforeIndex < 1 || notAfterIndex < 0 || !hashLine) return null;
  const hash = hashLine
    .slice(hashLine.search(/\(sha1\)/i))
    .replace(/^\(sha1\)\s*:\s*/i, '')
    .replace(/\s+/g, '')
    .toUpperCase();
  if (!/^[0-9A-F]{40}$/.test(hash)) return null;
  const notBefore = parseLocalDate(valueAfterLabel(block[notBeforeIndex]));
  const notAfter = parseLocalDate(valueAfterLabel(block[notAfterIndex]));
  if (!notBefore || !notAfter) return null;
  return {
    thumbprint: hash,
    issuer: valueAfterLabel(block[notBeforeIndex - 1]),
    subject: valueAfterLabel(block[notAfterIndex + 1]),
    notBefore: toIso(notBefore),
    notAfter: toIso(notAfter),
  };
}

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Reads "4/16/2020 6:36 PM", "16.04.2020 18:36", "2020/04/16 18:36" and ISO-like dates. */
export function parseLocalDate(text: string): LocalDateTime | null {
  const value = text.trim();
  let match = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})(?::(\d{2}))? ?(AM|PM)?$/i.exec(value);
  if (match) {
    let hour = Number(match[4]);
    const meridiem = match[7]?.toUpperCase();
    if (meridiem === 'PM' && hour < 12) hour += 12;
    if (meridiem === 'AM' && hour === 12) hour = 0;
    return check({ year: Number(match[3]), month: Number(match[1]), day: Number(match[2]), hour, minute: Number(match[5]), second: Number(match[6] ?? 0) });
  }
  match = /^(\d{1,2})\.(\d{1,2})\.(\d{4}) (\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (match) return check({ year: Number(match[3]), month: Number(match[2]), day: Number(match[1]), hour: Number(match[4]), minute: Number(match[5]), second: Number(match[6] ?? 0) });
  match = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (match) return check({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]), hour: Number(match[4]), minute: Number(match[5]), second: Number(match[6] ?? 0) });
  return null;
}

function check(date: LocalDateTime): LocalDateTime | null {
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31 || date.hour > 23 || date.minute > 59) return null;
  return date;
}

/** Local time of the machine running the app (the same machine certutil ran on) as UTC ISO. */
export function localToIso(date: LocalDateTime): string {
  return new Date(date.year, date.month - 1, date.day, date.hour, date.minute, date.second).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
