// The support code as a QR code (an SVG string), for a technician's phone; drawn by the `qrcode` package.
import QRCode from 'qrcode';

/** An <svg> element holding only paths, safe to inline in the app and in reports. */
export async function supportCodeQrSvg(code: string): Promise<string> {
  return QRCode.toString(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
