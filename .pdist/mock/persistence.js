import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { FixtureError, parseState } from './fixtures.js';
import { errorBody } from './domain/index.js';
/** A state file that cannot be used; the message names the file and the problem, and the file is left as it was. */
export class StateFileError extends Error {
}
/** Methods that never change state, so a 2xx answer to them is not persisted. */
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Whether an API exchange acknowledged a write that must reach the state file before the answer is sent. */
export function isAcknowledgedWrite(request, response) {
    return response.status >= 200 && response.status < 300 && !READS.has(request.method.toUpperCase());
}
function fsyncDirectory(dir) {
    let fd;
    try {
        fd = openSync(dir, 'r');
        fsyncSync(fd);
    }
    catch (e) {
        // Windows cannot open or fsync a directory; the rename is still atomic there.
        if (process.platform !== 'win32')
            throw e;
    }
    finally {
        if (fd !== undefined)
            closeSync(fd);
    }
}
/**
 * Replaces `file` with `text` atomically and durably: write a temp file in the same directory,
 * fsync it, rename it over `file`, fsync the directory. A crash at any point leaves the old or the
 * new content, never a mix.
 */
export function writeFileAtomic(file, text) {
    const tmp = join(dirname(file), `.${basename(file)}.tmp`);
    const bytes = Buffer.from(text, 'utf8');
    const fd = openSync(tmp, 'w', 0o644);
    try {
        for (let at = 0; at < bytes.length;)
            at += writeSync(fd, bytes, at, bytes.length - at);
        fsyncSync(fd);
    }
    catch (e) {
        closeSync(fd);
        rmSync(tmp, { force: true });
        throw e;
    }
    closeSync(fd);
    renameSync(tmp, file);
    fsyncDirectory(dirname(file));
}
/** Reads and validates a state file; undefined when it does not exist, StateFileError when it cannot be used. */
export function readStateFile(file) {
    try {
        statSync(file);
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return undefined;
        throw new StateFileError(`state file ${file}: cannot read: ${e.message}`);
    }
    let text;
    try {
        text = readFileSync(file, 'utf8');
    }
    catch (e) {
        throw new StateFileError(`state file ${file}: cannot read: ${e.message}`);
    }
    const hint = ' (the file was left unchanged; fix it, or move it away to start from the fixtures)';
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (e) {
        throw new StateFileError(`state file ${file}: is not valid JSON: ${e.message}${hint}`);
    }
    try {
        return parseState(value, file);
    }
    catch (e) {
        if (e instanceof FixtureError)
            throw new StateFileError(`state file ${e.message}${hint}`);
        throw e;
    }
}
/** Writes the core's whole state to `file` (atomically, see writeFileAtomic). */
export function saveState(core, file) {
    writeFileAtomic(file, core.serializeState());
}
/**
 * Wraps a core so every acknowledged write (2xx non-GET API request, reset, import) is on disk
 * before the call returns, i.e. before the adapter sends the answer. A failed save rolls the
 * memory back to the file and answers 503, so nothing is acknowledged that a restart would lose.
 */
export function persistCore(core, file) {
    const rollBack = () => {
        try {
            const saved = readStateFile(file);
            if (saved)
                core.importState(saved);
        }
        catch {
            // The file itself became unusable: keep memory as it is; the next save rewrites the file.
        }
    };
    const saveOrRollBack = () => {
        try {
            saveState(core, file);
            return undefined;
        }
        catch (e) {
            rollBack();
            return e;
        }
    };
    return {
        principals: core.principals,
        exportState: () => core.exportState(),
        serializeState: () => core.serializeState(),
        handle(request) {
            const response = core.handle(request);
            if (!isAcknowledgedWrite(request, response))
                return response;
            const failed = saveOrRollBack();
            if (!failed)
                return response;
            const message = `could not persist the change to ${file}: ${failed.message}`;
            return { status: 503, headers: { 'content-type': 'application/json' }, body: errorBody(503, message) };
        },
        reset() {
            core.reset();
            const failed = saveOrRollBack();
            if (failed)
                throw failed;
        },
        importState(state) {
            core.importState(state);
            const failed = saveOrRollBack();
            if (failed)
                throw failed;
        },
    };
}
/**
 * Opens a state file: loads it when it exists (never overwriting an unusable one), else builds the
 * core from the fixtures and writes the file; answers a core that persists every acknowledged write.
 */
export function openStateFile(file, build) {
    const saved = readStateFile(file);
    const core = build(saved);
    if (!saved) {
        try {
            saveState(core, file);
        }
        catch (e) {
            throw new StateFileError(`state file ${file}: cannot write: ${e.message}`);
        }
    }
    return persistCore(core, file);
}
//# sourceMappingURL=persistence.js.map