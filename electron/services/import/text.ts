import { AppError } from '../../../shared/errors.ts';
import type { Encoding } from './table.ts';

/**
 * Turning a CSV file's bytes into text. Contest offices save CSV from Excel either as "CSV UTF-8"
 * (with a BOM) or as plain "CSV", which a Russian Windows writes in Windows-1251.
 */

export interface Decoded {
  text: string;
  encoding: Encoding;
}

/** 'auto' reads UTF-8 when the bytes are valid UTF-8 and Windows-1251 otherwise. */
export function decodeText(fileName: string, bytes: Uint8Array, encoding: Encoding | 'auto'): Decoded {
  if (hasUtf16Bom(bytes)) throw new AppError('import.utf16', { file: fileName });
  if (encoding !== 'auto') return { text: new TextDecoder(encoding).decode(bytes), encoding };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Windows-1251 maps every byte to a character, so this never fails; Cyrillic text in it is
    // almost never valid UTF-8 by accident (a lowercase letter followed by another is not).
    return { text: new TextDecoder('windows-1251').decode(bytes), encoding: 'windows-1251' };
  }
}

// Excel's "Unicode text" is UTF-16 with a BOM; read as either supported encoding it is garbage,
// so it is refused with a way out rather than imported wrong.
function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}
