import { encode } from 'uqr';

/**
 * A QR code as an SVG of one path (dark modules), crisp at any print resolution. The text (a
 * verification address) is encoded at level M, so a creased or stamped paper copy still scans.
 */
export function QrCode({ text, size, label }: { text: string; size: number; label: string }) {
  const { data } = encode(text, { ecc: 'M', border: 2 });
  const modules = data.length;
  const path = data.flatMap((row, y) => row.flatMap((dark, x) => (dark ? [`M${x} ${y}h1v1h-1z`] : []))).join('');
  return (
    <svg className="print-qr" width={size} height={size} viewBox={`0 0 ${modules} ${modules}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={modules} height={modules} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
