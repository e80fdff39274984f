import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, lstatSync, openSync, readlinkSync, realpathSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { StateFileError } from './state-file-error.js';

function fsyncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch (e) {
    // Windows cannot open or fsync a directory; the rename is still atomic there.
    if (process.platform !== 'win32') throw e;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Replaces `file` with `text` atomically and durably: write a temp file in the same directory, fsync it,
 * rename it over `file`, fsync the directory. A crash at any point leaves the old or the new content.
 * Issue 11: the temp name is random and opened with 'wx' (O_CREAT|O_EXCL), so a file or symlink another user put
 * at a guessable name can neither redirect the write nor be overwritten; it is only readable by the user.
 */
export function writeFileAtomic(file: string, text: string): void {
  const tmp = join(dirname(file), `.${basename(file)}.${randomBytes(8).toString('hex')}.tmp`);
  const bytes = Buffer.from(text, 'utf8');
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    try {
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  fsyncDirectory(dirname(file));
}

/**
 * Issue 11: the path every save writes to, resolved once at start. A `--state-file` that is a symlink
 * stays one: the saves replace its target (renaming over the link would turn it into a regular file).
 */
export function resolveStateFile(file: string): string {
  let path = resolve(file);
  for (let hops = 0; hops < 40; hops++) {
    let link = false;
    try {
      link = lstatSync(path).isSymbolicLink();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new StateFileError(`state file ${file}: cannot read: ${(e as Error).message}`);
    }
    if (!link) {
      try {
        return join(realpathSync(dirname(path)), basename(path)); // a symlinked directory is resolved too
      } catch {
        return path; // a missing directory: the first save reports it
      }
    }
    path = resolve(dirname(path), readlinkSync(path));
  }
  throw new StateFileError(`state file ${file}: too many levels of symbolic links`);
}
