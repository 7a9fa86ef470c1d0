/**
 * Text in a PNG file: the image's description (its alt text) as a
 * "Description" chunk, so the words travel with the exported image.
 */

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * Insert a "Description" text chunk after the PNG's header chunk: tEXt when the
 * text is Latin-1 (what every reader shows), else iTXt (UTF-8, uncompressed).
 */
export function withDescription(png: Uint8Array, text: string): Uint8Array<ArrayBuffer> {
  // eslint-disable-next-line no-control-regex
  const latin1 = /^[\u0000-\u00ff]*$/.test(text);
  const data = latin1
    ? new Uint8Array(Array.from(`Description\u0000${text}`, (ch) => ch.charCodeAt(0)))
    : // keyword, NUL, compression flag 0, method 0, language tag (empty), NUL, translated keyword (empty), NUL, text
      new TextEncoder().encode(`Description\u0000\u0000\u0000\u0000\u0000${text}`);
  const type = new TextEncoder().encode(latin1 ? 'tEXt' : 'iTXt');
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(type, 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  const ihdrEnd = 8 + 8 + 13 + 4; // signature, IHDR length+type, IHDR data, CRC
  const out = new Uint8Array(png.length + chunk.length);
  out.set(png.subarray(0, ihdrEnd));
  out.set(chunk, ihdrEnd);
  out.set(png.subarray(ihdrEnd), ihdrEnd + chunk.length);
  return out;
}
