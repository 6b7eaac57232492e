import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Uploaded lists between the preview and "Inlezen", and the files eropaf writes for a session to
// download (the rejected rows): each in a private folder (0700) as a private file (0600) under
// its own name (the import records the file's name and reads the month from it), tied to the
// session, and removed when done with, when refused, after half an hour, or when the server
// stops.

const KEEP_MS = 30 * 60_000;
const PREFIX = 'eropaf-upload-';
/** What a list's name may keep: letters, digits, dot, dash, underscore. */
const SAFE_NAME = /[^A-Za-z0-9._-]+/g;

export interface Upload {
  token: string;
  file: string;
  name: string;
  sessionHash: string;
  savedAt: number;
}

export class Uploads {
  private readonly pending = new Map<string, Upload>();
  private dir: string | null = null;

  constructor(private readonly clock: () => Date) {}

  /**
   * Removes the upload folders of this computer's user that nothing was added to for longer than
   * uploads are kept: left by a server that was killed before it could clean up.
   */
  static removeAbandoned(clock: () => Date): void {
    const uid = process.getuid?.();
    for (const entry of fs.readdirSync(os.tmpdir(), { withFileTypes: true })) {
      if (!entry.isDirectory() || !entry.name.startsWith(PREFIX)) continue;
      const folder = path.join(os.tmpdir(), entry.name);
      const stat = fs.statSync(folder, { throwIfNoEntry: false });
      if (stat === undefined || (uid !== undefined && stat.uid !== uid)) continue;
      if (clock().getTime() - stat.mtimeMs > KEEP_MS) fs.rmSync(folder, { recursive: true, force: true });
    }
  }

  private root(): string {
    this.dir ??= fs.mkdtempSync(path.join(os.tmpdir(), PREFIX));
    fs.chmodSync(this.dir, 0o700);
    return this.dir;
  }

  /** A private place for a file of this session, not written yet (an upload arrives in it, or eropaf writes it). */
  reserve(originalName: string, sessionHash: string): Upload {
    this.sweep();
    const token = randomBytes(24).toString('base64url');
    const folder = path.join(this.root(), token);
    fs.mkdirSync(folder, { mode: 0o700 });
    const name = path.basename(originalName).replace(SAFE_NAME, '_').slice(-120) || 'lijst.csv';
    const upload = { token, file: path.join(folder, name), name, sessionHash, savedAt: this.clock().getTime() };
    this.pending.set(token, upload);
    return upload;
  }

  /** The file of this session under this token, left in place (a download may be repeated). */
  find(token: unknown, sessionHash: string): Upload | undefined {
    this.sweep();
    if (typeof token !== 'string') return undefined;
    const upload = this.pending.get(token);
    return upload !== undefined && upload.sessionHash === sessionHash ? upload : undefined;
  }

  /** The upload of this session under this token, taken out of the pending ones. */
  take(token: unknown, sessionHash: string): Upload | undefined {
    if (typeof token !== 'string') return undefined;
    const upload = this.pending.get(token);
    if (upload === undefined || upload.sessionHash !== sessionHash) return undefined;
    this.pending.delete(token);
    return upload;
  }

  remove(upload: Upload): void {
    this.pending.delete(upload.token);
    fs.rmSync(path.dirname(upload.file), { recursive: true, force: true });
  }

  /** Removes uploads nobody confirmed in time. */
  sweep(): void {
    const now = this.clock().getTime();
    for (const upload of this.pending.values()) if (now - upload.savedAt > KEEP_MS) this.remove(upload);
  }

  /** Removes every upload and the folder: at shutdown. */
  dispose(): void {
    this.pending.clear();
    if (this.dir !== null) fs.rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }

  /** How many files are waiting (for tests). */
  get size(): number {
    return this.pending.size;
  }

  /** The private folder, once there is one (for tests). */
  get folder(): string | null {
    return this.dir;
  }
}
