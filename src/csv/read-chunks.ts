// Reading a file as a stream of byte chunks. Lists can be hundreds of megabytes, so nothing here
// may hold more than one chunk at a time.

import fs from 'node:fs';
import { fileError } from '../files/file-errors.js';

/** Large chunks: per-chunk overhead (decoding calls, parser calls, progress) then hardly counts. */
export const CHUNK_BYTES = 1024 * 1024;

/** Yields the file's bytes in order; file-system errors become the project's errors. */
export async function* readChunks(path: string): AsyncGenerator<Buffer> {
  const stream = fs.createReadStream(path, { highWaterMark: CHUNK_BYTES });
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } catch (error) {
    throw fileError(error, path, 'gelezen') ?? error;
  } finally {
    // When the caller stops early (an error, or a `break`), close the file now rather than at GC.
    stream.destroy();
  }
}
