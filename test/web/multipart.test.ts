// An upload read as it arrives: fields in memory, the file straight to disk (private), a size
// limit that leaves nothing behind, and the form token checked before the file is written.

import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeStreamOf, readMultipart, RefusedBody, type MultipartOptions } from '../../src/web/multipart.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eropaf-multipart-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A form encoded the way a browser does: its headers and its bytes. */
async function encoded(form: FormData): Promise<{ headers: Headers; bytes: Buffer }> {
  const request = new Request('http://x/', { method: 'POST', body: form });
  return { headers: request.headers, bytes: Buffer.from(await request.arrayBuffer()) };
}

/** `bytes` arriving `chunk` bytes at a time (so that boundaries fall across reads), then `end`. */
function arriving(bytes: Buffer, chunk: number, end: 'complete' | 'cut off' = 'complete'): Readable {
  let at = 0;
  return new Readable({
    read() {
      if (at < bytes.length) {
        this.push(bytes.subarray(at, at + chunk));
        at += chunk;
      } else if (end === 'complete') this.push(null);
      else this.destroy(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
    },
  });
}

/** Lines that look like a boundary's start, to trip a careless parser. */
const CONTENTS = Buffer.from(`${'Kenmerk;Bedrag\r\n'.repeat(50)}\r\n--\r\n-\r\n${'é'.repeat(300)}\r\n`, 'utf8');
const FILE_NAME = 'lijst-maart-€-ü.csv';

function form(): FormData {
  const data = new FormData();
  data.set('_csrf', 'token');
  data.set('bestand', new Blob([CONTENTS]), FILE_NAME);
  data.set('maand', '2022-03');
  return data;
}

function options(target: string, overrides: Partial<MultipartOptions> = {}): MultipartOptions {
  return { maxBytes: 1 << 20, maxFieldBytes: 1024, beforeFile: () => target, ...overrides };
}

describe('readMultipart', () => {
  for (const chunk of [1, 7, 64 * 1024]) {
    it(`writes the file as sent, privately, and keeps the fields around it (chunks of ${chunk} bytes)`, async () => {
      const target = path.join(dir, `lijst-${chunk}.csv`);
      const seen: Record<string, string>[] = [];
      const { headers, bytes } = await encoded(form());
      const read = await readMultipart(
        headers,
        arriving(bytes, chunk),
        options(target, {
          beforeFile: (name, fields) => {
            seen.push({ name, ...fields });
            return target;
          },
        }),
      );
      expect(seen).toEqual([{ name: FILE_NAME, _csrf: 'token' }]);
      expect(read.fields).toEqual({ _csrf: 'token', maand: '2022-03' });
      expect(read.file).toEqual({ path: target, name: FILE_NAME, size: CONTENTS.length });
      expect(fs.readFileSync(target)).toEqual(CONTENTS);
      expect(fs.statSync(target).mode & 0o777).toBe(0o600);
    });
  }

  it('reads a web request body too (requests handed to the app directly)', async () => {
    const target = path.join(dir, 'web.csv');
    const request = new Request('http://x/', { method: 'POST', body: form() });
    const read = await readMultipart(request.headers, nodeStreamOf(request), options(target));
    expect(read.file?.size).toBe(CONTENTS.length);
    expect(fs.readFileSync(target)).toEqual(CONTENTS);
  });

  it('never overwrites an existing file', async () => {
    const target = path.join(dir, 'bestaat.csv');
    fs.writeFileSync(target, 'van iemand anders');
    const { headers, bytes } = await encoded(form());
    await expect(readMultipart(headers, arriving(bytes, 100), options(target))).rejects.toMatchObject({ code: 'EEXIST' });
    expect(fs.readFileSync(target, 'utf8')).toBe('van iemand anders');
  });

  it('refuses fields that together exceed their limit, even when each is small', async () => {
    const data = new FormData();
    data.set('_csrf', 'token');
    data.set('a', 'x'.repeat(600));
    data.set('b', 'x'.repeat(600));
    const { headers, bytes } = await encoded(data);
    const refused = readMultipart(headers, arriving(bytes, 100), options(path.join(dir, 'velden.csv')));
    await expect(refused).rejects.toBeInstanceOf(RefusedBody);
    await expect(refused).rejects.toMatchObject({ reason: 'too-large', message: 'Het formulier is te groot.' });

    data.delete('b');
    const fits = await encoded(data);
    await expect(readMultipart(fits.headers, arriving(fits.bytes, 100), options(path.join(dir, 'velden.csv')))).resolves.toMatchObject({ file: null });
  });

  it('refuses a body over the limit and removes what was written of the file', async () => {
    const target = path.join(dir, 'te-groot.csv');
    const { headers, bytes } = await encoded(form());
    const refused = readMultipart(headers, arriving(bytes, 100), options(target, { maxBytes: bytes.length - 10 }));
    await expect(refused).rejects.toBeInstanceOf(RefusedBody);
    await expect(refused).rejects.toMatchObject({ reason: 'too-large' });
    expect(fs.existsSync(target)).toBe(false);

    // A declared length over the limit is refused before the body is read at all.
    headers.set('content-length', String(bytes.length));
    const unread = arriving(bytes, 100);
    await expect(readMultipart(headers, unread, options(target, { maxBytes: bytes.length - 10 }))).rejects.toMatchObject({ reason: 'too-large' });
    expect(unread.readableDidRead).toBe(false);
  });

  it('writes no byte when the fields before the file are refused (a wrong form token)', async () => {
    const target = path.join(dir, 'geweigerd.csv');
    const refusal = new Error('wrong token');
    const { headers, bytes } = await encoded(form());
    let tokenSeen: string | undefined;
    const refused = readMultipart(
      headers,
      arriving(bytes, 50),
      options(target, {
        beforeFile: (_name, fields) => {
          tokenSeen = fields._csrf;
          throw refusal;
        },
      }),
    );
    await expect(refused).rejects.toBe(refusal);
    expect(tokenSeen).toBe('token');
    expect(fs.existsSync(target)).toBe(false);
  });

  it('takes an empty file input as no file', async () => {
    const empty = new FormData();
    empty.set('_csrf', 'token');
    empty.set('bestand', new Blob([]), '');
    const { headers, bytes } = await encoded(empty);
    const never = path.join(dir, 'nooit.csv');
    const read = await readMultipart(headers, arriving(bytes, 16), options(never));
    expect(read).toEqual({ fields: { _csrf: 'token' }, file: null });
    expect(fs.existsSync(never)).toBe(false);
  });

  it('refuses a second file', async () => {
    const two = form();
    two.append('bestand', new Blob([CONTENTS]), 'nog-een.csv');
    const { headers, bytes } = await encoded(two);
    const target = path.join(dir, 'twee.csv');
    await expect(readMultipart(headers, arriving(bytes, 100), options(target))).rejects.toMatchObject({ reason: 'malformed', message: 'Stuur één bestand tegelijk.' });
    expect(fs.existsSync(target)).toBe(false);
  });

  it('refuses a body that stops short or a connection cut off halfway, and leaves no file', async () => {
    const { headers, bytes } = await encoded(form());
    const short = path.join(dir, 'kort.csv');
    await expect(readMultipart(headers, arriving(bytes.subarray(0, bytes.length - 200), 100), options(short))).rejects.toMatchObject({
      reason: 'malformed',
    });
    expect(fs.existsSync(short)).toBe(false);

    const cut = path.join(dir, 'afgebroken.csv');
    await expect(readMultipart(headers, arriving(bytes.subarray(0, bytes.length - 200), 100, 'cut off'), options(cut))).rejects.toMatchObject({
      reason: 'malformed',
      message: 'Het formulier is niet volledig aangekomen.',
    });
    expect(fs.existsSync(cut)).toBe(false);
  });

  it('refuses what is not a multipart form, or one without a boundary', async () => {
    const bytes = Buffer.from('_csrf=token');
    const target = path.join(dir, 'geen.csv');
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; charset=utf-8']) {
      await expect(readMultipart(new Headers({ 'content-type': type }), arriving(bytes, 100), options(target))).rejects.toMatchObject({
        reason: 'malformed',
        message: 'Het formulier is niet goed verstuurd.',
      });
    }
  });

  it('reads a Node request off a socket, and leaves no file when the client hangs up halfway', async () => {
    const outcomes: Promise<unknown>[] = [];
    const server = http.createServer((request) => {
      const target = path.join(dir, `socket-${outcomes.length}.csv`);
      const headers = new Headers({ 'content-type': request.headers['content-type']! });
      outcomes.push(readMultipart(headers, request, options(target)).then((read) => ({ read, target }), (error: unknown) => ({ error, target })));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as net.AddressInfo;
      const { headers, bytes } = await encoded(form());
      const send = async (body: Buffer, declared: number): Promise<void> => {
        const socket = net.connect(port, '127.0.0.1');
        await once(socket, 'connect');
        socket.write(`POST / HTTP/1.1\r\nHost: x\r\nContent-Type: ${headers.get('content-type')}\r\nContent-Length: ${declared}\r\n\r\n`);
        socket.write(body);
        // Let the server start on the file before the client goes away.
        await new Promise((resolve) => setTimeout(resolve, 100));
        socket.destroy();
      };
      await send(bytes, bytes.length);
      await send(bytes.subarray(0, bytes.length - 200), bytes.length);
      await expect.poll(() => outcomes.length).toBe(2);
      const [whole, cut] = (await Promise.all(outcomes)) as { read?: { file: unknown }; error?: unknown; target: string }[];
      expect(whole!.read?.file).toMatchObject({ size: CONTENTS.length });
      expect(fs.readFileSync(whole!.target)).toEqual(CONTENTS);
      expect(cut!.error).toMatchObject({ reason: 'malformed', message: 'Het formulier is niet volledig aangekomen.' });
      expect(fs.existsSync(cut!.target)).toBe(false);
    } finally {
      server.close();
    }
  });
});
