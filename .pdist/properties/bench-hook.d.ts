/** Runs the property suite (fixed seeds, no shrinking expected) until `count` commands ran; in-process or against a mock URL started with the bundled fixtures. */
export declare function runCommands(options: {
    target: 'in-process' | string;
    count: number;
}): Promise<{
    commands: number;
    ms: number;
}>;
