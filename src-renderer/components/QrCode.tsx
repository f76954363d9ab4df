// A QR code drawn as inline SVG elements (no image URL, no inline script or style: fits a strict CSP).
// The encoder loads on first use, so it does not weigh on the app's start.
import { useEffect, useState } from 'react';
import { qrPath, type QrPath } from './qr-path.js';

export function QrCode({ text, label }: { text: string; label: string }) {
  const [drawn, setDrawn] = useState<{ text: string; qr: QrPath } | null>(null);
  useEffect(() => {
    let current = true;
    void qrPath(text).then((qr) => {
      if (current) setDrawn({ text, qr });
    });
    return () => {
      current = false;
    };
  }, [text]);
  if (!drawn || drawn.text !== text) return null;
  const { size, path } = drawn.qr;
  return (
    <svg className="qr" viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={size} height={size} className="qr-light" />
      <path d={path} className="qr-dark" />
    </svg>
  );
}
