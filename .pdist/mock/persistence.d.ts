import { type MockCore, type MockRequest, type MockResponse, type StateExport } from './domain/index.js';
/** A state file that cannot be used; the message names the file and the problem, and the file is left as it was. */
export declare class StateFileError extends Error {
}
/** Whether an API exchange acknowledged a write that must reach the state file before the answer is sent. */
export declare function isAcknowledgedWrite(request: MockRequest, response: MockResponse): boolean;
/**
 * Replaces `file` with `text` atomically and durably: write a temp file in the same directory,
 * fsync it, rename it over `file`, fsync the directory. A crash at any point leaves the old or the
 * new content, never a mix.
 */
export declare function writeFileAtomic(file: string, text: string): void;
/** Reads and validates a state file; undefined when it does not exist, StateFileError when it cannot be used. */
export declare function readStateFile(file: string): StateExport | undefined;
/** Writes the core's whole state to `file` (atomically, see writeFileAtomic). */
export declare function saveState(core: MockCore, file: string): void;
/**
 * Wraps a core so every acknowledged write (2xx non-GET API request, reset, import) is on disk
 * before the call returns, i.e. before the adapter sends the answer. A failed save rolls the
 * memory back to the file and answers 503, so nothing is acknowledged that a restart would lose.
 */
export declare function persistCore(core: MockCore, file: string): MockCore;
/**
 * Opens a state file: loads it when it exists (never overwriting an unusable one), else builds the
 * core from the fixtures and writes the file; answers a core that persists every acknowledged write.
 */
export declare function openStateFile(file: string, build: (state?: StateExport) => MockCore): MockCore;
