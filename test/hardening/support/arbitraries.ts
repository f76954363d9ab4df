// fast-check generators of snapshots: valid ones over the whole range of the format (every enum, null
// and missing sections, real and made-up builds), and the JSON mutations that break them.
import fc from 'fast-check';
import { ACS_ROOT_CERTIFICATE } from '../../../src-main/catalogue/root-certificate.js';
import type { Snapshot } from '../../../src-main/snapshot/schema.js';

const builds = [2600, 3790, 6002, 7601, 9200, 9600, 10240, 14393, 15063, 17134, 17763, 18363, 19041, 19044, 19045, 20348, 22000, 22621, 22631, 25398, 26100, 99999];
const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('Trend Micro', 'C:\\Program Files (x86)\\Trend Micro\\Security Agent\\NTRtScan.exe', '%%577', '577', 'Microsoft Identity Verification Root Certificate Authority 2020'),
);
const thumbprint = fc.oneof(fc.constant(ACS_ROOT_CERTIFICATE.sha1Thumbprint), fc.stringMatching(/^[0-9A-F]{40}$/));
const isoTime = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString());
const isoDay = isoTime.map((time) => time.slice(0, 10));
const optionalNull = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const windowsOs = fc.record(
  {
    productName: text,
    editionId: text,
    installationType: fc.constantFrom('Client', 'Server', 'Server Core'),
    currentBuild: fc.oneof(fc.constantFrom(...builds), fc.integer({ min: 1, max: 2_000_000 })),
    ubr: optionalNull(fc.oneof(fc.integer({ min: 0, max: 9000 }), fc.integer({ min: 0, max: 2 ** 31 }))),
    displayVersion: optionalNull(fc.constantFrom('21H2', '22H2', '23H2', '24H2', '1809', 'x')),
    architecture: fc.constantFrom('x64', 'x86', 'arm64'),
    currentVersion: fc.option(optionalNull(fc.constantFrom('6.1', '6.3', '10.0')), { nil: undefined }),
    csdVersion: fc.option(optionalNull(fc.constantFrom('Service Pack 1', 'Service Pack 2')), { nil: undefined }),
  },
  { requiredKeys: ['productName', 'editionId', 'installationType', 'currentBuild', 'ubr', 'displayVersion', 'architecture'] },
);

const otherOs = fc.record({ platform: fc.constantFrom('linux', 'darwin', 'other'), productName: text, architecture: text });

const certificate = (stores: readonly string[]) => fc.record({ thumbprint, subject: text, issuer: text, notBefore: isoTime, notAfter: isoTime, store: fc.constantFrom(...stores) });

const service = fc.record({
  name: fc.oneof(fc.constantFrom('ntrtscan', 'TmListen', 'tmccsf', 'ds_agent', 'Amsp', 'TMBMServer', 'svcGenericHost'), fc.string({ minLength: 1, maxLength: 20 })),
  displayName: text,
  state: fc.constantFrom('Running', 'Stopped', 'StartPending', 'StopPending', 'Paused', 'ContinuePending', 'PausePending'),
  startType: fc.constantFrom('Automatic', 'AutomaticDelayed', 'Manual', 'Disabled', 'Boot', 'System'),
  exitCode: optionalNull(fc.oneof(fc.constantFrom(0, 577, 1068, 1053), fc.integer())),
  imagePath: optionalNull(text),
});

const event = fc.record({
  log: fc.constantFrom('System', 'Microsoft-Windows-CodeIntegrity/Operational', 'Application'),
  provider: fc.constantFrom('Service Control Manager', 'Microsoft-Windows-CodeIntegrity', 'x'),
  id: fc.oneof(fc.constantFrom(7000, 7009, 7023, 7024, 7026, 7031, 7034, 3004, 3033, 3089, 3104), fc.nat()),
  time: isoTime,
  data: fc.array(text, { maxLength: 4 }),
  message: optionalNull(text),
});

const section = <T>(arb: fc.Arbitrary<T>) => fc.option(optionalNull(arb), { nil: undefined });

/** Snapshots the schema accepts, across every enum value, missing and null sections. */
export const validSnapshot: fc.Arbitrary<Snapshot> = fc
  .record(
    {
      format: fc.constant('acs-snapshot' as const),
      version: fc.constant(1 as const),
      collectedAt: isoTime,
      collector: section(fc.record({ name: fc.string({ minLength: 1 }), version: fc.string({ minLength: 1 }), elevated: fc.boolean() })),
      host: section(fc.record({ computerName: text, domain: optionalNull(text) })),
      os: fc.oneof({ weight: 9, arbitrary: windowsOs }, { weight: 1, arbitrary: otherOs }),
      hotfixes: section(fc.array(fc.record({ id: fc.stringMatching(/^KB50\d{5}$/), installedOn: optionalNull(isoDay) }), { maxLength: 6 })),
      certificates: section(
        fc.record({
          root: fc.array(certificate(['Root', 'AuthRoot', 'GroupPolicy', 'Enterprise', 'SmartCardRoot']), { maxLength: 3 }),
          disallowed: fc.array(certificate(['Disallowed']), { maxLength: 2 }),
        }),
      ),
      rootAutoUpdate: section(fc.record({ disabledByPolicy: optionalNull(fc.boolean()), rootDirUrl: optionalNull(text), reachable: optionalNull(fc.boolean()) })),
      services: section(fc.array(service, { maxLength: 5 })),
      signatures: section(
        fc.array(
          fc.record({
            path: text,
            status: fc.constantFrom('Valid', 'NotSigned', 'HashMismatch', 'NotTrusted', 'UnknownError', 'NotSupportedFileFormat', 'Incompatible'),
            signerSubject: optionalNull(text),
            rootThumbprint: optionalNull(thumbprint),
          }),
          { maxLength: 4 },
        ),
      ),
      events: section(fc.array(event, { maxLength: 6 })),
      products: section(fc.array(fc.record({ name: text, version: optionalNull(text), publisher: optionalNull(text) }), { maxLength: 3 })),
      pendingReboot: section(fc.record({ required: optionalNull(fc.boolean()), reasons: fc.array(text, { maxLength: 3 }) })),
      bootConfiguration: section(fc.record({ testSigning: optionalNull(fc.boolean()), noIntegrityChecks: optionalNull(fc.boolean()) })),
      errors: section(fc.array(fc.record({ section: text, message: text }), { maxLength: 3 })),
    },
    { requiredKeys: ['format', 'version', 'collectedAt', 'os'] },
  )
  .map((value) => value as unknown as Snapshot);

export type JsonPath = (string | number)[];

/** Every path to a value inside a JSON document (objects and arrays too), the root excluded. */
export function allPaths(value: unknown, path: JsonPath = [], out: JsonPath[] = []): JsonPath[] {
  if (path.length > 0) out.push(path);
  if (Array.isArray(value)) value.forEach((item, index) => allPaths(item, [...path, index], out));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) allPaths(item, [...path, key], out);
  return out;
}

export function withValueAt(root: unknown, path: JsonPath, value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return copy;
}

/** A value of another kind than JSON data usually holds at a field: the type confusions. */
export const confusingValue = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, '', 'null', '1', '__proto__', [], {}, [null], { length: 1 }, '2026-13-45T99:99:99Z'),
  fc.jsonValue({ maxDepth: 3 }),
);
