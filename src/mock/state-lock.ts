import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { StateFileError } from './state-file-error.js';

/** A held state-file lock. */
export interface StateLock {
  /** `<state file>.lock`, holding the pid of the process that owns the file. */
  readonly path: string;
  /** Removes the lock (idempotent); also done on process exit. */
  release(): void;
}

/** Locks this process holds, so a pid reused after a restart (containers: often pid 1) is not mistaken for a live holder. */
const held = new Set<string>();

function readPid(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, but another user's
  }
}

function tryCreate(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    writeSync(fd, `${process.pid}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Issue 11: one process per state file. Creates `<file>.lock` exclusively with our pid; a lock whose
 * holder is alive refuses the start naming that pid, a stale one (its holder died, e.g. kill -9) is taken over.
 */
export function lockStateFile(file: string): StateLock {
  const path = `${file}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    let created: boolean;
    try {
      created = tryCreate(path);
    } catch (e) {
      throw new StateFileError(`state file ${file}: cannot create the lock ${path}: ${(e as Error).message}`);
    }
    if (created) {
      held.add(path);
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        held.delete(path);
        process.off('exit', release);
        if (readPid(path) === process.pid) rmSync(path, { force: true });
      };
      process.once('exit', release);
      return { path, release };
    }
    const holder = readPid(path);
    const ours = holder === process.pid && held.has(path);
    if (holder !== undefined && (ours || (holder !== process.pid && isAlive(holder)))) {
      throw new StateFileError(`state file ${file} is in use by process ${holder} (lock ${path}): one process per state file; stop it or use another --state-file`);
    }
    rmSync(path, { force: true }); // stale: its holder is gone
  }
  throw new StateFileError(`state file ${file}: cannot take the lock ${path} (another process keeps taking it)`);
}
