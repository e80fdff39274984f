/** The benchmark's entry: how many property commands per second the suite runs against a target. */
import { loadContract } from '../contracts/validation.js';
import { runProperties } from './runner.js';
import { fixtureTargetConfig } from './targets.js';
/** Runs the property suite (fixed seeds, no shrinking expected) until `count` commands ran; in-process or against a mock URL started with the bundled fixtures. */
export async function runCommands(options) {
    const target = options.target === 'in-process' ? undefined : { config: fixtureTargetConfig(options.target) };
    // Compiling openapi.json happens once per process, before the clock starts: the rate is the steady state.
    const contract = loadContract();
    const start = performance.now();
    let commands = 0;
    for (let batch = 0; commands < options.count; batch++) {
        const result = await runProperties({ target, contract, runs: 200, seed: 0x5eed + batch, runId: `bench${batch}`, commandLimit: options.count - commands });
        if (result.outcome !== 'pass')
            throw new Error(`the property suite failed during the benchmark: ${result.failure?.message ?? result.outcome}`);
        commands += result.commands;
        if (result.commands === 0)
            break;
    }
    return { commands, ms: performance.now() - start };
}
//# sourceMappingURL=bench-hook.js.map