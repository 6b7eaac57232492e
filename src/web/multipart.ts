import fs from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';

// A multipart/form-data body read as it arrives, parsed by busboy (RFC 7578): the small fields
// are kept in memory, the one file part goes straight to a file, so that a list of tens of
// megabytes never sits in the server's memory. The fields before the file are handed to
// `beforeFile` first, which may refuse (a wrong form token) before a byte of the file is written.

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
  /** The most bytes all fields other than the file together may have (names and values). */
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

const NOT_SENT_WELL = 'Het formulier is niet goed verstuurd.';
const NOT_ARRIVED = 'Het formulier is niet volledig aangekomen.';

/**
 * Reads a body with the request's `headers` from `body` (the Node request stream, or a web body
 * turned into one); on any failure the file written so far is removed.
 */
export async function readMultipart(headers: Headers, body: Readable, options: MultipartOptions): Promise<ReadForm> {
  const contentType = headers.get('content-type');
  // busboy also reads urlencoded forms; an upload form must be multipart.
  if (contentType === null || !/^multipart\/form-data\s*;/i.test(contentType)) throw new RefusedBody('malformed', NOT_SENT_WELL);
  if (Number(headers.get('content-length') ?? '0') > options.maxBytes) throw tooLarge(options.maxBytes);

  let parser: busboy.Busboy;
  try {
    // Browsers send a file's name as raw UTF-8 in filename="…", not as busboy's default latin1.
    parser = busboy({ headers: { 'content-type': contentType }, defParamCharset: 'utf8', limits: { fieldSize: options.maxFieldBytes } });
  } catch {
    throw new RefusedBody('malformed', NOT_SENT_WELL); // no boundary
  }

  const fields: Record<string, string> = {};
  let fieldBytes = 0;
  let file = null as { path: string; name: string; size: number } | null;
  let written = null as Promise<void> | null;
  // A refusal of ours (or of `beforeFile`) ends the parse; it is what the caller is told.
  let refusal = null as { error: unknown } | null;
  const refuse = (error: unknown): void => {
    refusal ??= { error };
    parser.destroy(error instanceof Error ? error : new Error(String(error)));
  };
  let cutOff = false;
  body.once('error', () => (cutOff = true));

  parser.on('field', (name, value, info) => {
    fieldBytes += Buffer.byteLength(name) + Buffer.byteLength(value);
    if (info.valueTruncated || fieldBytes > options.maxFieldBytes) refuse(new RefusedBody('too-large', 'Het formulier is te groot.'));
    else fields[name] = value;
  });
  parser.on('file', (_name, stream, info) => {
    // A part not written anywhere: read past it (busboy waits for it), and when the parse is
    // refused, busboy ends it with that error, which is then no one else's to report.
    const skip = (): void => void stream.on('error', () => undefined).resume();
    // An empty file input arrives as a nameless, empty file part: no file chosen.
    if (info.filename === undefined || info.filename === '') return skip();
    if (file !== null) {
      skip();
      return refuse(new RefusedBody('malformed', 'Stuur één bestand tegelijk.'));
    }
    let target: string;
    let fd: number;
    try {
      target = options.beforeFile(info.filename, fields);
      // Opened here, before any data is read, so that a failure can always remove it by its path.
      fd = fs.openSync(target, 'wx', 0o600);
    } catch (error) {
      skip();
      return refuse(error);
    }
    const opened = { path: target, name: info.filename, size: 0 };
    file = opened;
    const out = fs.createWriteStream('', { fd });
    written = pipeline(stream, out).then(() => void (opened.size = out.bytesWritten));
    // Writing failed (a full disk): stop the parse too, which would otherwise wait for the file
    // to be read on. A parse that failed first ended the file itself; that is reported below.
    written.catch((error: unknown) => parser.errored === null && refuse(error));
  });

  let total = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      done(total > options.maxBytes ? tooLarge(options.maxBytes) : null, chunk);
    },
  });

  try {
    try {
      await pipeline(body, limit, parser);
      await written;
    } catch (error) {
      if (refusal !== null) throw refusal.error;
      if (error instanceof RefusedBody) throw error;
      // The browser went away (or the connection broke) halfway through, or busboy found the
      // body malformed (which includes a body that simply stops).
      const premature = (error as { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE';
      throw new RefusedBody('malformed', cutOff || premature ? NOT_ARRIVED : NOT_SENT_WELL);
    }
    if (refusal !== null) throw refusal.error;
    return { fields, file };
  } catch (error) {
    await written?.catch(() => undefined);
    if (file !== null) await fs.promises.rm(file.path, { force: true });
    throw error;
  }
}

/** The body of a web `Request` as a Node stream (an absent body is an empty one). */
export function nodeStreamOf(request: Request): Readable {
  return request.body === null ? Readable.from([]) : Readable.fromWeb(request.body as import('node:stream/web').ReadableStream);
}

function tooLarge(maxBytes: number): RefusedBody {
  return new RefusedBody('too-large', `Het bestand is te groot (hoogstens ${Math.round(maxBytes / 1024 / 1024)} MB).`);
}
