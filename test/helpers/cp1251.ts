/**
 * A Windows-1251 encoder for Cyrillic and ASCII, so tests can write the CSV a Russian Excel saves.
 * Node decodes windows-1251 with TextDecoder but has no encoder for it.
 */

const EXTRA: Record<string, number> = {
  Ё: 0xa8,
  ё: 0xb8,
  '№': 0xb9,
  '«': 0xab,
  '»': 0xbb,
  '–': 0x96,
  '—': 0x97,
};

export function encodeCp1251(text: string): Buffer {
  return Buffer.from(Array.from(text, byteOf));
}

function byteOf(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x80) return code;
  // А…я are contiguous in both: U+0410–U+044F → 0xC0–0xFF.
  if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
  const byte = EXTRA[ch];
  if (byte === undefined) throw new Error(`encodeCp1251 does not know ${JSON.stringify(ch)}`);
  return byte;
}
