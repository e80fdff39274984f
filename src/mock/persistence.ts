import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { resolveStateFile, writeFileAtomic } from './atomic-file.js';
import { parseState } from './fixtures.js';
import { StateFileError } from './state-file-error.js';
import { lockStateFile } from './state-lock.js';
import {
  LINES_BETWEEN, LINES_END, LINES_HEADER, createCompactor, errorAnswer, markCompacted,
  type MockCore, type MockRequest, type MockResponse, type ResourceRecord, type StateExport,
} from './domain/index.js';

export { StateFileError } from './state-file-error.js';
export { resolveStateFile, writeFileAtomic } from './atomic-file.js';

/** A save that failed after a write, reset or import: the change was rolled back and the answer is 503. */
export class StateSaveError extends Error {
  /** The HTTP status the adapter answers with. */
  readonly status = 503;
}

/** Methods that never change state, so a 2xx answer to them is not persisted. */
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether an API exchange acknowledged a write that must reach the state file before the answer is sent. */
export function isAcknowledgedWrite(request: MockRequest, response: MockResponse): boolean {
  return response.status >= 200 && response.status < 300 && !READS.has(request.method.toUpperCase());
}

const CHUNK = 4 * 1024 * 1024;

/** One row line of the line layout (a trailing comma allowed), as a record. */
function parseRow(file: string, lineNo: number, line: string): ResourceRecord {
  try {
    return JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line) as ResourceRecord;
  } catch (e) {
    throw new StateFileError(`state file ${file}: line ${lineNo} is not valid JSON: ${(e as Error).message}`);
  }
}

/** Takes the lines of the line layout one by one (`line` is false when the first is not its header); `end` answers the state. */
function lineLayoutParser(file: string): { line(text: string): boolean; end(): StateExport } {
  const compact = createCompactor();
  let state: StateExport | undefined;
  let rows: ResourceRecord[] = [];
  let phase: 'header' | 'skills' | 'agents' | 'end' = 'header';
  let lineNo = 0;
  const line = (text: string): boolean => {
    lineNo++;
    if (phase === 'header') {
      const m = LINES_HEADER.exec(text);
      if (!m) return false;
      state = { version: 1, nextId: JSON.parse(m[1]!) as StateExport['nextId'], skills: (rows = []), agents: [] };
      phase = 'skills';
    } else if (text === LINES_BETWEEN && phase === 'skills') {
      rows = state!.agents;
      phase = 'agents';
    } else if (text === LINES_END && phase === 'agents') phase = 'end';
    else if (text === '') return true; // blank lines are fine anywhere after the header
    else if (phase === 'end') throw new StateFileError(`state file ${file}: line ${lineNo}: unexpected text after the end`);
    else {
      const record = parseRow(file, lineNo, text);
      compact(record);
      rows.push(record);
    }
    return true;
  };
  const end = (): StateExport => {
    if ((phase as string) !== 'end') throw new StateFileError(`state file ${file}: ends early (line ${lineNo}): a truncated file?`);
    markCompacted(state!);
    return state!;
  };
  return { line, end };
}

/**
 * Reads a state file written one record per line (`serializeLines`) without ever holding the whole text:
 * each row is parsed and compacted as it comes, so loading 100k rows peaks near the final heap.
 * Undefined when the file does not start with that layout's header line.
 */
function readLineLayout(file: string): StateExport | undefined {
  const fd = openSync(file, 'r');
  try {
    const decoder = new StringDecoder('utf8');
    const buffer = Buffer.allocUnsafe(CHUNK);
    const parser = lineLayoutParser(file);
    let rest = '';
    for (let n = readSync(fd, buffer, 0, CHUNK, null); n > 0; n = readSync(fd, buffer, 0, CHUNK, null)) {
      const lines = (rest + decoder.write(buffer.subarray(0, n))).split('\n');
      rest = lines.pop()!;
      for (const line of lines) if (!parser.line(line)) return undefined;
    }
    if ((rest + decoder.end()) !== '' && !parser.line(rest)) return undefined;
    return parser.end();
  } finally {
    closeSync(fd);
  }
}

/** Reads and validates a state file; undefined when it does not exist, StateFileError when it cannot be used. */
export function readStateFile(file: string): StateExport | undefined {
  try {
    statSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StateFileError(`state file ${file}: cannot read: ${(e as Error).message}`);
  }
  const hint = ' (the file was left unchanged; fix it, or move it away to start from the fixtures)';
  let value: unknown;
  try {
    // The layout the mock writes is read row by row; any other valid JSON export is read whole.
    value = readLineLayout(file) ?? JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    if (e instanceof StateFileError) throw new StateFileError(`${e.message}${hint}`);
    const what = e instanceof SyntaxError ? 'is not valid JSON' : 'cannot read';
    throw new StateFileError(`state file ${file}: ${what}: ${(e as Error).message}${hint}`);
  }
  const state = parseState(value, file);
  if (!state.ok) throw new StateFileError(`state file ${state.error}${hint}`);
  return state.value;
}

/** Writes the core's whole state to `file` (atomically, see writeFileAtomic). */
export function saveState(core: MockCore, file: string): void {
  writeFileAtomic(file, core.serializeState());
}

/** Saves the core to `file`; on failure rolls memory back to the file and answers the error (undefined = saved). */
function saver(core: MockCore, file: string): () => Error | undefined {
  const rollBack = (): void => {
    try {
      const saved = readStateFile(file);
      if (saved) core.importState(saved);
    } catch {
      // The file itself became unusable: keep memory as it is; the next save rewrites the file.
    }
  };
  return () => {
    try {
      saveState(core, file);
      return undefined;
    } catch (e) {
      rollBack();
      return e as Error;
    }
  };
}

/**
 * Wraps a core so every acknowledged write (2xx non-GET API request, reset, import) is on disk
 * before the call returns, i.e. before the adapter sends the answer. A failed save rolls the
 * memory back to the file and answers 503, so nothing is acknowledged that a restart would lose.
 */
export function persistCore(core: MockCore, file: string): MockCore {
  const saveOrRollBack = saver(core, file);
  return {
    principals: core.principals,
    exportState: () => core.exportState(),
    serializeState: () => core.serializeState(),
    handle(request) {
      const response = core.handle(request);
      if (!isAcknowledgedWrite(request, response)) return response;
      const failed = saveOrRollBack();
      if (!failed) return response;
      const message = `could not persist the change to ${file}: ${failed.message}`;
      return errorAnswer(503, message);
    },
    reset() {
      core.reset();
      const failed = saveOrRollBack();
      if (failed) throw new StateSaveError(`could not persist the reset to ${file}: ${failed.message}`);
    },
    importState(state, options) {
      core.importState(state, options);
      const failed = saveOrRollBack();
      if (failed) throw new StateSaveError(`could not persist the import to ${file}: ${failed.message}`);
    },
    peekRecords: (kind, limit) => core.peekRecords(kind, limit),
    version: () => core.version(), // a roll-back re-imports, which moves the inner core's version too
  };
}

/** An opened state file: the persisting core and the lock to give back when the server stops. */
export interface OpenStateFile {
  core: MockCore;
  /** The resolved path every save writes (see resolveStateFile). */
  path: string;
  release(): void;
}

/**
 * Opens a state file: takes its lock (a second process refuses to start), loads it when it exists (never
 * overwriting an unusable one), else builds the core from the fixtures and writes the file; answers a
 * core that persists every acknowledged write.
 */
export function openStateFile(file: string, build: (state?: StateExport) => MockCore): OpenStateFile {
  const path = resolveStateFile(file);
  const lock = lockStateFile(path);
  try {
    const saved = readStateFile(path);
    const core = build(saved);
    if (!saved) {
      try {
        saveState(core, path);
      } catch (e) {
        throw new StateFileError(`state file ${file}: cannot write: ${(e as Error).message}`);
      }
    }
    return { core: persistCore(core, path), path, release: lock.release };
  } catch (e) {
    lock.release();
    throw e;
  }
}
