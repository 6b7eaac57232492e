// Bytes to text, chunk by chunk. A chunk boundary may split a UTF-8 or UTF-16 character, so the
// decoders keep state between chunks.

import { TextDecoder } from 'node:util';
import { DataError } from '../core/errors.js';
import { encodingLabel, type Encoding } from './encoding.js';
import { decodeWindows1252 } from './windows-1252.js';

export interface StreamDecoder {
  /** Decodes the next chunk; throws a DataError on bytes that are not valid in the encoding. */
  decode(bytes: Uint8Array): string;
  /** Returns what is left at the end; throws a DataError when the file ends inside a character. */
  end(): string;
}

/**
 * A decoder that refuses invalid bytes: replacing them with U+FFFD would silently change a name
 * or an address, and the next import of the same person would no longer match.
 */
export function createStreamDecoder(encoding: Encoding): StreamDecoder {
  if (encoding === 'windows-1252') {
    // Every byte is a character in Windows-1252, so there is nothing to refuse or to carry over.
    return { decode: decodeWindows1252, end: () => '' };
  }
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  const guarded = (decodeStep: () => string): string => {
    try {
      return decodeStep();
    } catch (error) {
      if (error instanceof TypeError) throw invalidBytes(encoding);
      throw error;
    }
  };
  return {
    decode: (bytes) => guarded(() => decoder.decode(bytes, { stream: true })),
    end: () => guarded(() => decoder.decode()),
  };
}

/** Decodes a complete byte sequence, replacing invalid bytes: for showing text, never for importing it. */
export function decodeLeniently(bytes: Uint8Array, encoding: Encoding): string {
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}

function invalidBytes(encoding: Encoding): DataError {
  const label = encodingLabel(encoding);
  return new DataError(`Het bestand bevat tekens die geen geldige ${label} zijn.`, {
    hint:
      encoding === 'windows-1252'
        ? 'Sla het bestand in Excel opnieuw op als "CSV UTF-8" en lees het opnieuw in.'
        : `Laat de codering weg zodat die wordt herkend, of kies een andere (bijvoorbeeld windows-1252). Of sla het bestand in Excel opnieuw op als "CSV UTF-8".`,
  });
}
