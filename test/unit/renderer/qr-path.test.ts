// The support code's QR code: drawn from the encoder's module matrix as one SVG path.
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrPath } from '../../../src-renderer/components/qr-path.js';

describe('qrPath', () => {
  it('draws one unit square per dark module inside a 4-module quiet zone', async () => {
    const code = 'ACS-029J-4FTS';
    const { size, path } = await qrPath(code);
    const { modules } = QRCode.create(code, { errorCorrectionLevel: 'M' });
    expect(size).toBe(modules.size + 8);
    const dark = Array.from(modules.data).filter(Boolean).length;
    expect(path.match(/M/g)).toHaveLength(dark);
    expect(path.startsWith('M4 4h1v1h-1z')).toBe(true); // the top-left finder pattern's corner
  });

  it('draws different codes differently', async () => {
    expect((await qrPath('ACS-AAAA-AAAA')).path).not.toBe((await qrPath('ACS-BBBB-BBBB')).path);
  });
});
