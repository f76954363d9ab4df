// The Windows releases a support code can name, by build number. The index of each row is written into
// codes: rows may be appended into the reserved slots, never reordered or removed (docs/support-code.md).

export interface CodedWindowsRelease {
  build: number;
  /** Name of the client release with this build, null when there is none. */
  client: string | null;
  /** Name of the server release with this build, null when there is none. */
  server: string | null;
}

/** Index 0 means "not Windows, or a build this table does not list". Indexes 30–31 are reserved. */
export const CODED_WINDOWS_RELEASES: readonly (CodedWindowsRelease | null)[] = [
  null,
  { build: 2600, client: 'Windows XP', server: null },
  { build: 3790, client: 'Windows XP x64', server: 'Windows Server 2003' },
  { build: 6002, client: 'Windows Vista SP2', server: 'Windows Server 2008 SP2' },
  { build: 6003, client: 'Windows Vista SP2', server: 'Windows Server 2008 SP2' },
  { build: 7601, client: 'Windows 7 SP1', server: 'Windows Server 2008 R2 SP1' },
  { build: 9200, client: 'Windows 8', server: 'Windows Server 2012' },
  { build: 9600, client: 'Windows 8.1', server: 'Windows Server 2012 R2' },
  { build: 10240, client: 'Windows 10, version 1507', server: null },
  { build: 10586, client: 'Windows 10, version 1511', server: null },
  { build: 14393, client: 'Windows 10, version 1607', server: 'Windows Server 2016' },
  { build: 15063, client: 'Windows 10, version 1703', server: null },
  { build: 16299, client: 'Windows 10, version 1709', server: 'Windows Server, version 1709' },
  { build: 17134, client: 'Windows 10, version 1803', server: 'Windows Server, version 1803' },
  { build: 17763, client: 'Windows 10, version 1809', server: 'Windows Server 2019' },
  { build: 18362, client: 'Windows 10, version 1903', server: 'Windows Server, version 1903' },
  { build: 18363, client: 'Windows 10, version 1909', server: 'Windows Server, version 1909' },
  { build: 19041, client: 'Windows 10, version 2004', server: 'Windows Server, version 2004' },
  { build: 19042, client: 'Windows 10, version 20H2', server: 'Windows Server, version 20H2' },
  { build: 19043, client: 'Windows 10, version 21H1', server: null },
  { build: 19044, client: 'Windows 10, version 21H2', server: null },
  { build: 19045, client: 'Windows 10, version 22H2', server: null },
  { build: 20348, client: null, server: 'Windows Server 2022' },
  { build: 22000, client: 'Windows 11, version 21H2', server: null },
  { build: 22621, client: 'Windows 11, version 22H2', server: null },
  { build: 22631, client: 'Windows 11, version 23H2', server: null },
  { build: 25398, client: null, server: 'Windows Server, version 23H2' },
  { build: 26100, client: 'Windows 11, version 24H2', server: 'Windows Server 2025' },
  { build: 26200, client: 'Windows 11, version 25H2', server: null },
  { build: 28000, client: 'Windows 11, version 26H1', server: null },
];

export const RELEASE_SLOTS = 32;

export function releaseIndexOfBuild(build: number): number {
  const index = CODED_WINDOWS_RELEASES.findIndex((release) => release?.build === build);
  return index < 0 ? 0 : index;
}

/** The name people know for a build, server or client; falls back to the build number. */
export function releaseName(build: number, server: boolean): string {
  const release = CODED_WINDOWS_RELEASES.find((row) => row?.build === build);
  const name = release ? ((server ? release.server : release.client) ?? release.client ?? release.server) : null;
  return name ?? `Windows ${server ? 'Server ' : ''}build ${build}`;
}
