// A first pass over an input file: its fingerprint (so the same list is not imported twice), its
// encoding, and its first line (to guess the delimiter). Also the place that refuses files that
// are not CSV at all, before the parser produces confusing errors about them.

import { createHash } from 'node:crypto';
import { TextDecoder } from 'node:util';
import { DataError, UsageError } from '../core/errors.js';
import { decodeLeniently } from './decode.js';
import { encodingLabel, isUtf16, type Encoding } from './encoding.js';
import { readChunks } from './read-chunks.js';
import { Utf8Check } from './utf8-check.js';

export interface FileInspection {
  /** SHA-256 of the whole file, lower-case hex. */
  sha256: string;
  /** Size in bytes. */
  size: number;
  encoding: Encoding;
  /** False when the encoding was given by the caller rather than detected. */
  encodingDetected: boolean;
  /** Bytes of byte order mark at the start of the file, to be skipped when reading: 0, 2 or 3. */
  bomLength: number;
  /** The first line, decoded, without BOM or line ending; cut off after FIRST_LINE_MAX_BYTES. */
  firstLine: string;
}

export interface InspectOptions {
  encoding?: Encoding;
}

/** Enough for any header; a longer first line is not a header we could use anyway. */
export const FIRST_LINE_MAX_BYTES = 64 * 1024;

/** The longest signature below; the start of the file is collected until this many bytes are seen. */
const HEAD_BYTES = 8;

const BOMS: readonly { encoding: Encoding; bytes: readonly number[] }[] = [
  { encoding: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf-16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', bytes: [0xfe, 0xff] },
];

/** .xlsx (and every other zip file). */
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
/** .xls from Excel 97-2003 (an OLE2 compound file). */
const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Reads the file once, as a stream, and describes it. Rejects files that cannot be a list. */
export async function inspectFile(path: string, options: InspectOptions = {}): Promise<FileInspection> {
  const inspector = new FileInspector(options.encoding);
  for await (const chunk of readChunks(path)) inspector.update(chunk);
  return inspector.finish();
}

/**
 * The inspection as a state machine over chunks, so that it works the same whatever the chunk
 * boundaries are (a test can feed it one byte at a time).
 */
export class FileInspector {
  private readonly hash = createHash('sha256');
  private size = 0;
  /** The start of the file until HEAD_BYTES are seen; null once it has been examined. */
  private head: Buffer | null = Buffer.alloc(0);
  /** Known from the option or a BOM; undefined while it still depends on the rest of the file. */
  private encoding: Encoding | undefined;
  private bomLength = 0;
  /** Validates the bytes as UTF-8 while that is still a possibility. */
  private utf8Check: Utf8Check | null = null;
  private utf8Valid = true;
  /** Decodes UTF-16 only until the first non-blank character is seen. */
  private utf16Text: TextDecoder | null = null;
  private hasContent = false;
  private readonly firstLineChunks: Buffer[] = [];
  private firstLineBytes = 0;

  constructor(private readonly requested?: Encoding) {}

  update(chunk: Uint8Array): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    if (this.head === null) {
      this.examineBody(chunk);
      return;
    }
    this.head = Buffer.concat([this.head, chunk]);
    if (this.head.length >= HEAD_BYTES) this.examineHead();
  }

  finish(): FileInspection {
    if (this.head !== null) this.examineHead();
    // Also false when the file ends in the middle of a UTF-8 character.
    if (this.utf8Check !== null && !this.utf8Check.end()) this.rejectUtf8();
    if (!this.hasContent) {
      throw new DataError('Het bestand is leeg.', {
        hint: 'Kies het bestand met de maandlijst; dit bestand bevat geen gegevens.',
      });
    }
    const encoding = this.encoding ?? (this.utf8Valid ? 'utf-8' : 'windows-1252');
    const firstBytes = Buffer.concat(this.firstLineChunks);
    const text = decodeLeniently(firstBytes, encoding);
    const lineEnd = text.search(/[\r\n]/);
    return {
      sha256: this.hash.digest('hex'),
      size: this.size,
      encoding,
      encodingDetected: this.requested === undefined,
      bomLength: this.bomLength,
      firstLine: lineEnd === -1 ? text : text.slice(0, lineEnd),
    };
  }

  private examineHead(): void {
    const head = this.head ?? Buffer.alloc(0);
    this.head = null;
    if (startsWith(head, ZIP_SIGNATURE) || startsWith(head, OLE2_SIGNATURE)) {
      throw new DataError('Dit is een Excel-werkmap, geen CSV-bestand.', {
        hint: 'Open het bestand in Excel, kies Opslaan als en dan "CSV (gescheiden door lijstscheidingsteken)" of "CSV UTF-8", en lees dat bestand in.',
      });
    }
    const bom = BOMS.find((candidate) => startsWith(head, candidate.bytes));
    if (this.requested !== undefined && bom !== undefined && bom.encoding !== this.requested) {
      throw new UsageError(
        `Als codering is ${encodingLabel(this.requested)} opgegeven, maar het bestand begint met het kenmerk (BOM) van ${encodingLabel(bom.encoding)}.`,
        { hint: 'Laat de codering weg; die wordt dan uit het bestand afgeleid.' },
      );
    }
    this.encoding = this.requested ?? bom?.encoding;
    this.bomLength = bom?.bytes.length ?? 0;
    if (this.encoding === undefined || this.encoding === 'utf-8') this.utf8Check = new Utf8Check();
    if (this.encoding !== undefined && isUtf16(this.encoding)) this.utf16Text = new TextDecoder(this.encoding);
    this.examineBody(head.subarray(this.bomLength));
  }

  private examineBody(bytes: Uint8Array): void {
    this.keepFirstLineBytes(bytes);
    const utf16 = this.encoding !== undefined && isUtf16(this.encoding);
    // In UTF-16 every ASCII character has a zero byte; anywhere else a zero byte means binary data.
    if (!utf16 && bytes.includes(0)) {
      throw new DataError('Dit is geen tekstbestand (CSV): het bevat binaire gegevens.', {
        hint: 'Kies het CSV-bestand met de maandlijst. Is het een UTF-16-tekstbestand zonder BOM, geef dan de codering op (utf-16le of utf-16be).',
      });
    }
    if (!this.hasContent) this.hasContent = utf16 ? this.utf16HasContent(bytes) : hasNonBlankByte(bytes);
    if (this.utf8Check !== null && !this.utf8Check.update(bytes)) {
      this.utf8Check = null;
      this.rejectUtf8();
    }
  }

  /** Not UTF-8: fine when detecting (then it is Windows-1252), an error when UTF-8 was promised. */
  private rejectUtf8(): void {
    this.utf8Valid = false;
    if (this.requested === 'utf-8') {
      throw new UsageError('Als codering is UTF-8 opgegeven, maar het bestand bevat tekens die geen geldige UTF-8 zijn.', {
        hint: 'Laat de codering weg zodat die wordt herkend, of kies windows-1252.',
      });
    }
    if (this.encoding === 'utf-8') {
      throw new DataError('Het bestand begint als UTF-8 (met BOM), maar bevat tekens die geen geldige UTF-8 zijn.', {
        hint: 'Het bestand is waarschijnlijk uit stukken met verschillende coderingen samengesteld. Open het in Excel en sla het opnieuw op als "CSV UTF-8".',
      });
    }
  }

  private utf16HasContent(bytes: Uint8Array): boolean {
    const text = this.utf16Text?.decode(bytes, { stream: true }) ?? '';
    return /\S/.test(text);
  }

  private keepFirstLineBytes(bytes: Uint8Array): void {
    const room = FIRST_LINE_MAX_BYTES - this.firstLineBytes;
    if (room <= 0 || bytes.length === 0) return;
    const kept = Buffer.from(bytes.subarray(0, room));
    this.firstLineChunks.push(kept);
    this.firstLineBytes += kept.length;
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}

/** Whitespace is ASCII in UTF-8 and Windows-1252 alike, so this needs no decoding. */
function hasNonBlankByte(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0b && byte !== 0x0c) return true;
  }
  return false;
}
