/**
 * Independent suites run side by side over HTTP: each waits on the network most of the time, so a few in
 * parallel keep both the client and the server busy. They never touch each other's resources (each run
 * creates, checks and deletes its own; lists ignore rows a run did not create, as on a shared deployment).
 */
export declare const HTTP_WORKERS = 4;
/** Runs the property suite (fixed seeds) until `count` commands ran; in-process, or against a mock URL started with the bundled fixtures. */
export declare function runCommands(options: {
    target: 'in-process' | string;
    count: number;
}): Promise<{
    commands: number;
    ms: number;
}>;
