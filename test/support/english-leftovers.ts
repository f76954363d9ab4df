// The checker behind "no English sentence left in de/ja" (test/unit/i18n, the pseudo-locale journey):
// after removing proper names and quoted commands, a text that still holds two or more English
// function words in a row-ish span is an English leftover.
const PROPER_NAMES = [
  'Microsoft Identity Verification Root Certificate Authority 2020',
  'Turn off Automatic Root Certificates Update',
  'Azure Code Signing',
  'Trusted Signing',
  'Trend Micro',
  'Windows Update',
  'Windows Server',
  'Service Pack',
  'Secure Boot',
  'Enterprise LTSC',
  'Enterprise LTSB',
  'Apex One',
  'ACS Support Assistant',
];
const ENGLISH_WORDS = new Set([
  'the',
  'is',
  'are',
  'and',
  'of',
  'to',
  'with',
  'this',
  'that',
  'not',
  'cannot',
  'be',
  'has',
  'have',
  'for',
  'from',
  'your',
  'its',
  'or',
  'by',
  'were',
  'which',
  'when',
  'what',
  'you',
  'it',
  'needs',
  'could',
  'should',
  'would',
  'been',
  'does',
  'do',
  'any',
  'only',
  'at',
]);

/** English word runs (two or more English function words) left in a text; empty when none. */
export function findEnglishLeftovers(text: string): string[] {
  let clean = text.replace(/"[^"]*"|“[^”]*”|„[^“]*“|「[^」]*」/g, ' ');
  for (const name of PROPER_NAMES) clean = clean.split(name).join(' ');
  const words = clean.split(/[^A-Za-z']+/).filter(Boolean);
  const hits = words.filter((word) => ENGLISH_WORDS.has(word.toLowerCase()));
  return hits.length >= 2 ? [hits.join(' ')] : [];
}
