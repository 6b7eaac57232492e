import fs from 'node:fs';
import { fileError } from './file-errors.js';

// Every file eropaf writes may hold personal data, so it is readable by its owner only.

/** Opens for writing with mode 0600, also when the file exists already (it would keep its old mode). */
export function openPrivateFile(path: string): number {
  let fd: number | undefined;
  try {
    fd = fs.openSync(path, 'w', 0o600);
    fs.fchmodSync(fd, 0o600);
    return fd;
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    throw fileError(error, path, 'geschreven') ?? error;
  }
}

/** Writes a whole text file with mode 0600. */
export function writePrivateFile(path: string, text: string): void {
  const fd = openPrivateFile(path);
  try {
    fs.writeFileSync(fd, text, 'utf8');
  } catch (error) {
    throw fileError(error, path, 'geschreven') ?? error;
  } finally {
    fs.closeSync(fd);
  }
}
