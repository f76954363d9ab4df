// Types of scripts/build-if-stale.mjs for the tests that import it.
export interface BuildPart {
  name: 'main' | 'double' | 'renderer';
  script: string;
  output: string;
  sources: string[];
  files: RegExp;
}
export const PARTS: BuildPart[];
/** Why the part must be built again, or null when it is up to date (`base`: the project folder). */
export function staleReason(part: BuildPart, base?: string): string | null;
