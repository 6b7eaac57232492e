import fs from 'node:fs';

// A multipart/form-data body read as it arrives (RFC 7578): the small fields are kept in memory,
// the one file part goes straight to a file, so that a list of tens of megabytes never sits in
// the server's memory. The fields before the file are handed to `beforeFile` first, which may
// refuse (a wrong form token) before a byte of the file is written.

/** Why a body was refused; the caller turns it into a page. */
export class RefusedBody extends Error {
  constructor(
    readonly reason: 'too-large' | 'malformed',
    message: string,
  ) {
    super(message);
  }
}

export interface MultipartOptions {
  /** The most bytes the whole body may have. */
  maxBytes: number;
  /** The most bytes all fields other than the file together may have. */
  maxFieldBytes: number;
  /**
   * Called when the file part starts, with its name as the browser gave it and the fields read
   * so far; returns the path to write it to (created private, and must not exist yet).
   */
  beforeFile: (fileName: string, fields: Readonly<Record<string, string>>) => string;
}

export interface ReadForm {
  fields: Record<string, string>;
  /** The file part's path and the name the browser gave; null when no file was chosen. */
  file: { path: string; name: string; size: number } | null;
}

const HEADER_END = Buffer.from('\r\n\r\n');
const MAX_HEADER_BYTES = 16 * 1024;

export function boundaryOf(contentType: string | null): string | null {
  if (contentType === null || !/^multipart\/form-data\s*;/i.test(contentType)) return null;
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return match === null ? null : (match[1] ?? match[2]!);
}

interface OpenFile {
  path: string;
  name: string;
  size: number;
  handle: fs.promises.FileHandle;
}

interface Part {
  name: string;
  fileName: string | null;
}

function parsePartHeaders(block: string): Part {
  const disposition = block.split('\r\n').find((line) => /^content-disposition:/i.test(line));
  const name = disposition === undefined ? null : /;\s*name="([^"]*)"/i.exec(disposition);
  if (disposition === undefined || name === null) throw new RefusedBody('malformed', 'Het formulier is niet goed verstuurd.');
  const fileName = /;\s*filename="([^"]*)"/i.exec(disposition);
  return { name: name[1]!, fileName: fileName === null ? null : fileName[1]! };
}

/** Reads the body of `request`; on any failure the file written so far is removed. */
export async function readMultipart(request: Request, options: MultipartOptions): Promise<ReadForm> {
  const boundary = boundaryOf(request.headers.get('content-type'));
  if (boundary === null || request.body === null) throw new RefusedBody('malformed', 'Het formulier is niet goed verstuurd.');
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > options.maxBytes) throw tooLarge(options.maxBytes);

  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const fields: Record<string, string> = {};
  let fieldBytes = 0;
  let file = null as OpenFile | null;
  let part: (Part & { isFile: boolean }) | null = null;
  let fieldChunks: Buffer[] = [];
  // The body starts with the boundary without the line break before it: add one, so that every
  // boundary looks the same.
  let buffer = Buffer.from('\r\n');
  let state: 'preamble' | 'after-boundary' | 'headers' | 'body' | 'done' = 'preamble';
  let total = 0;
  const reader = request.body.getReader();

  const take = async (data: Buffer): Promise<void> => {
    if (data.length === 0 || part === null) return;
    if (part.isFile && file !== null) {
      await file.handle.write(data);
      file.size += data.length;
      return;
    }
    fieldBytes += data.length;
    if (fieldBytes > options.maxFieldBytes) throw new RefusedBody('too-large', 'Het formulier is te groot.');
    fieldChunks.push(data);
  };
  const endPart = async (): Promise<void> => {
    if (part === null) return;
    if (!part.isFile) fields[part.name] = Buffer.concat(fieldChunks).toString('utf8');
    else if (file !== null) await file.handle.close();
    part = null;
    fieldChunks = [];
  };
  const startPart = async (headers: Part): Promise<void> => {
    // An empty file input arrives as a nameless, empty file part: no file chosen.
    part = { ...headers, isFile: headers.fileName !== null && headers.fileName !== '' };
    if (!part.isFile) return;
    if (file !== null) throw new RefusedBody('malformed', 'Stuur één bestand tegelijk.');
    const target = options.beforeFile(headers.fileName!, fields);
    file = { path: target, name: headers.fileName!, size: 0, handle: await fs.promises.open(target, 'wx', 0o600) };
  };

  try {
    for (;;) {
      const { done, value } = await reader.read().catch(() => {
        // The browser went away (or the connection broke) halfway through.
        throw new RefusedBody('malformed', 'Het formulier is niet volledig aangekomen.');
      });
      if (done) break;
      total += value.length;
      if (total > options.maxBytes) throw tooLarge(options.maxBytes);
      buffer = buffer.length === 0 ? Buffer.from(value) : Buffer.concat([buffer, value]);
      for (;;) {
        if (state === 'preamble' || state === 'body') {
          const at = buffer.indexOf(delimiter);
          if (at < 0) {
            // Keep what could be the start of a boundary; the rest is data.
            const keep = Math.min(buffer.length, delimiter.length - 1);
            if (state === 'body') await take(buffer.subarray(0, buffer.length - keep));
            buffer = buffer.subarray(buffer.length - keep);
            break;
          }
          if (state === 'body') {
            await take(buffer.subarray(0, at));
            await endPart();
          }
          buffer = buffer.subarray(at + delimiter.length);
          state = 'after-boundary';
        }
        if (state === 'after-boundary') {
          if (buffer.length < 2) break;
          const next = buffer.subarray(0, 2).toString('latin1');
          if (next === '--') {
            state = 'done';
            break;
          }
          if (next !== '\r\n') throw new RefusedBody('malformed', 'Het formulier is niet goed verstuurd.');
          buffer = buffer.subarray(2);
          state = 'headers';
        }
        if (state === 'headers') {
          const at = buffer.indexOf(HEADER_END);
          if (at < 0) {
            if (buffer.length > MAX_HEADER_BYTES) throw new RefusedBody('malformed', 'Het formulier is niet goed verstuurd.');
            break;
          }
          await startPart(parsePartHeaders(buffer.subarray(0, at).toString('utf8')));
          buffer = buffer.subarray(at + HEADER_END.length);
          state = 'body';
          continue;
        }
        if (state === 'done') break;
      }
      if (state === 'done') break;
    }
    if (state !== 'done') throw new RefusedBody('malformed', 'Het formulier is niet volledig aangekomen.');
    return { fields, file: file === null ? null : { path: file.path, name: file.name, size: file.size } };
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    if (file !== null) {
      await file.handle.close().catch(() => undefined);
      await fs.promises.rm(file.path, { force: true });
    }
    throw error;
  }
}

function tooLarge(maxBytes: number): RefusedBody {
  return new RefusedBody('too-large', `Het bestand is te groot (hoogstens ${Math.round(maxBytes / 1024 / 1024)} MB).`);
}
