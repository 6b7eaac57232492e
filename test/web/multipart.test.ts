// An upload read as it arrives: fields in memory, the file straight to disk (private), a size
// limit that leaves nothing behind, and the form token checked before the file is written.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readMultipart, RefusedBody } from '../../src/web/multipart.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eropaf-multipart-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A request whose body arrives `chunk` bytes at a time, so that boundaries fall across reads. */
async function requestOf(form: FormData, chunk: number): Promise<Request> {
  const encoded = new Request('http://x/', { method: 'POST', body: form });
  const bytes = new Uint8Array(await encoded.arrayBuffer());
  let at = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + chunk));
      at += chunk;
    },
  });
  return new Request('http://x/', { method: 'POST', body, headers: { 'content-type': encoded.headers.get('content-type')! }, duplex: 'half' } as RequestInit);
}

/** Lines that look like a boundary's start, to trip a careless parser. */
const CONTENTS = Buffer.from(`${'Kenmerk;Bedrag\r\n'.repeat(50)}\r\n--\r\n-\r\n${'é'.repeat(300)}\r\n`, 'utf8');

function form(): FormData {
  const data = new FormData();
  data.set('_csrf', 'token');
  data.set('bestand', new Blob([CONTENTS]), 'lijst-2022-03.csv');
  data.set('maand', '2022-03');
  return data;
}

describe('readMultipart', () => {
  for (const chunk of [1, 7, 64 * 1024]) {
    it(`writes the file as sent, privately, and keeps the fields around it (chunks of ${chunk} bytes)`, async () => {
      const target = path.join(dir, `lijst-${chunk}.csv`);
      const seen: Record<string, string>[] = [];
      const read = await readMultipart(await requestOf(form(), chunk), {
        maxBytes: 1 << 20,
        maxFieldBytes: 1024,
        beforeFile: (name, fields) => {
          seen.push({ name, ...fields });
          return target;
        },
      });
      expect(seen).toEqual([{ name: 'lijst-2022-03.csv', _csrf: 'token' }]);
      expect(read.fields).toEqual({ _csrf: 'token', maand: '2022-03' });
      expect(read.file).toEqual({ path: target, name: 'lijst-2022-03.csv', size: CONTENTS.length });
      expect(fs.readFileSync(target)).toEqual(CONTENTS);
      expect(fs.statSync(target).mode & 0o777).toBe(0o600);
    });
  }

  it('refuses a body over the limit and removes what was written of the file', async () => {
    const target = path.join(dir, 'te-groot.csv');
    const refused = readMultipart(await requestOf(form(), 100), { maxBytes: CONTENTS.length - 10, maxFieldBytes: 1024, beforeFile: () => target });
    await expect(refused).rejects.toMatchObject({ reason: 'too-large' });
    await expect(refused).rejects.toBeInstanceOf(RefusedBody);
    expect(fs.existsSync(target)).toBe(false);
  });

  it('writes nothing when the fields before the file are refused', async () => {
    const target = path.join(dir, 'geweigerd.csv');
    const refusal = new Error('wrong token');
    await expect(
      readMultipart(await requestOf(form(), 50), {
        maxBytes: 1 << 20,
        maxFieldBytes: 1024,
        beforeFile: () => {
          throw refusal;
        },
      }),
    ).rejects.toBe(refusal);
    expect(fs.existsSync(target)).toBe(false);
  });

  it('takes an empty file input as no file, and refuses a body cut short', async () => {
    const empty = new FormData();
    empty.set('_csrf', 'token');
    empty.set('bestand', new Blob([]), '');
    const read = await readMultipart(await requestOf(empty, 16), { maxBytes: 1 << 20, maxFieldBytes: 1024, beforeFile: () => path.join(dir, 'nooit.csv') });
    expect(read.file).toBeNull();
    expect(fs.existsSync(path.join(dir, 'nooit.csv'))).toBe(false);

    const whole = new Request('http://x/', { method: 'POST', body: form() });
    const bytes = new Uint8Array(await whole.arrayBuffer());
    const cut = new Request('http://x/', { method: 'POST', body: bytes.slice(0, bytes.length - 200), headers: { 'content-type': whole.headers.get('content-type')! } });
    const target = path.join(dir, 'half.csv');
    await expect(readMultipart(cut, { maxBytes: 1 << 20, maxFieldBytes: 1024, beforeFile: () => target })).rejects.toMatchObject({ reason: 'malformed' });
    expect(fs.existsSync(target)).toBe(false);
  });
});
