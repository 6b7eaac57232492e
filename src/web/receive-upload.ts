import type { Readable } from 'node:stream';
import type { HttpBindings } from '@hono/node-server';
import type { WebContext } from './env.js';
import { nodeStreamOf, readMultipart, RefusedBody } from './multipart.js';
import { FORM_EXPIRED, sameToken } from './security.js';
import type { Upload, Uploads } from './uploads.js';

// An uploaded file, received as it arrives into a private file of the session (uploads.ts),
// outside the write queue. The form's token is checked before a byte of the file is written
// (the form puts it first); the fields are small and kept in memory.

/** Where a file is uploaded: their form token is checked here, not by the guard (session.ts). */
export const UPLOAD_PATHS: ReadonlySet<string> = new Set(['/inlezen', '/uitkomsten']);

/** The largest file accepted: a big city's monthly list is some 20 MB. */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

/** The fields of an upload form other than the file, together. */
const MAX_FIELD_BYTES = 64 * 1024;

export type Received =
  | { ok: true; fields: Record<string, string>; upload: Upload | null }
  | { ok: false; status: 400 | 403 | 413; message: string };

class TokenRefused extends Error {}

export async function receiveUpload(c: WebContext, uploads: Uploads): Promise<Received> {
  const { session } = c.get('auth')!;
  let upload: Upload | null = null;
  try {
    const form = await c.get('offQueue')(() =>
      readMultipart(c.req.raw.headers, bodyOf(c), {
        maxBytes: MAX_UPLOAD_BYTES,
        maxFieldBytes: MAX_FIELD_BYTES,
        beforeFile: (name, fields) => {
          if (!sameToken(fields._csrf, session.csrfToken)) throw new TokenRefused();
          upload = uploads.reserve(name, session.idHash);
          return upload.file;
        },
      }),
    );
    if (!sameToken(form.fields._csrf, session.csrfToken)) throw new TokenRefused();
    return { ok: true, fields: form.fields, upload };
  } catch (error) {
    if (upload !== null) uploads.remove(upload);
    if (error instanceof TokenRefused) return { ok: false, status: 403, message: FORM_EXPIRED };
    if (error instanceof RefusedBody) return { ok: false, status: error.reason === 'too-large' ? 413 : 400, message: error.message };
    throw error;
  }
}

/**
 * The request's body as it comes off the socket: @hono/node-server's Node request, untouched by a
 * web stream in between; requests handed to the app directly (tests) have only the web body.
 */
function bodyOf(c: WebContext): Readable {
  const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
  return incoming ?? nodeStreamOf(c.req.raw);
}
