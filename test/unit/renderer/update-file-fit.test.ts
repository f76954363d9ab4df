// Which update file fits (issue 16, point 7): the picker reads the KB and the architecture from the
// file names it offers, against the update step's KBs and this Windows' architecture.
import { describe, expect, it } from 'vitest';
import { fileArchitecture, fileFit, wantedUpdate } from '../../../src-renderer/components/update-file-fit.js';

const file = (name: string, kb: string | null) => ({ path: `E:\\${name}`, name, sizeBytes: 1, kb });
const step = { step: 'install-windows-update' as const, title: 't', why: 'w', kb: 'KB5011487', acceptedKbs: ['KB5011487'], acceptsLaterKbs: true, needsAdmin: true, needsReboot: true };

describe('update file fit', () => {
  it('reads the architecture from the name as the Update Catalog writes it', () => {
    expect(fileArchitecture('windows10.0-kb5011487-x64_2a2a.msu')).toBe('x64');
    expect(fileArchitecture('Windows10.0-KB5011487-X86.msu')).toBe('x86');
    expect(fileArchitecture('windows10.0-kb5011487-arm64_1.msu')).toBe('arm64');
    expect(fileArchitecture('ssu-19041.1161-amd64.cab')).toBe('x64');
    expect(fileArchitecture('update.msu')).toBeNull();
  });

  it('marks the right file as fitting, the other architecture and another update as not', () => {
    const wanted = wantedUpdate(step, 'x64');
    expect(fileFit(file('windows10.0-kb5011487-x64_2a.msu', 'KB5011487'), wanted)).toBe('fits');
    expect(fileFit(file('windows10.0-kb5011487-x86_6b.msu', 'KB5011487'), wanted)).toBe('wrong-architecture');
    expect(fileFit(file('windows10.0-kb5005611-x64.msu', 'KB5005611'), wanted)).toBe('other-update');
    // a later cumulative update is accepted where the step says so (the package check confirms it)
    expect(fileFit(file('windows10.0-kb5034441-x64.msu', 'KB5034441'), wanted)).toBe('fits');
    expect(fileFit(file('windows10.0-kb5034441-x64.msu', 'KB5034441'), wantedUpdate({ ...step, acceptsLaterKbs: false }, 'x64'))).toBe('other-update');
    // nothing in the name to go by: no mark
    expect(fileFit(file('update.msu', null), wanted)).toBe('unknown');
    // an unknown architecture of this Windows does not mark files as wrong
    expect(fileFit(file('windows10.0-kb5011487-x86.msu', 'KB5011487'), wantedUpdate(step, 'unknown'))).toBe('fits');
  });
});
