/**
 * Draws the ribbon and add-in icons as PNG files into addin/assets/ (run: `node addin/make-icons.js`).
 * Each icon is a rounded square in the button's colour with a white sheet-and-rows glyph; no image
 * library needed: pixels are computed here and encoded with Node's zlib.
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const ICONS = {
  panel: [0x21, 0x73, 0x46], // Excel green: the side panel
  structure: [0x2f, 0x55, 0x97],
  duplicates: [0xc0, 0x50, 0x4d],
  tracker: [0x7f, 0x60, 0x00],
  abc: [0x54, 0x82, 0x35],
  rfm: [0x70, 0x30, 0xa0],
  reports: [0x26, 0x74, 0x9b],
  today: [0xc5, 0x5a, 0x11],
  value: [0x00, 0x80, 0x80],
};
const SIZES = [16, 32, 64, 80];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** RGBA pixel of the icon at (x, y) for a square of `size` pixels. */
function pixel(x, y, size, [r, g, b]) {
  const radius = size / 6;
  const inside = (cx, cy) => Math.hypot(Math.max(radius - cx, 0, cx - (size - 1 - radius)), Math.max(radius - cy, 0, cy - (size - 1 - radius))) <= radius;
  if (!inside(x, y)) return [0, 0, 0, 0];
  // The glyph: a white sheet with a header bar and row lines.
  const margin = Math.round(size * 0.22);
  const line = Math.max(1, Math.round(size / 16));
  const inSheet = x >= margin && x < size - margin && y >= margin && y < size - margin;
  if (inSheet) {
    const rowHeight = Math.max(3, Math.round((size - 2 * margin) / 4));
    const header = y < margin + rowHeight;
    const rule = (y - margin) % rowHeight < line;
    const divider = Math.abs(x - (margin + Math.round((size - 2 * margin) / 3))) < line;
    if (header || rule || divider) return [255, 255, 255, 255];
    return [Math.round(r * 0.35 + 166), Math.round(g * 0.35 + 166), Math.round(b * 0.35 + 166), 255];
  }
  return [r, g, b, 255];
}

function png(size, colour) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let x = 0; x < size; x++) Buffer.from(pixel(x, y, size, colour)).copy(row, 1 + x * 4);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function main() {
  const out = path.join(__dirname, 'assets');
  fs.mkdirSync(out, { recursive: true });
  for (const [name, colour] of Object.entries(ICONS)) {
    for (const size of SIZES) fs.writeFileSync(path.join(out, `${name}-${size}.png`), png(size, colour));
  }
}

if (require.main === module) main();

module.exports = { png, ICONS, SIZES };
