import { runProperties } from './runner.js';
import { formatResult, formatFailure } from './report.js';
const r = await runProperties({ runs: Number(process.argv[2] ?? 50), seed: Number(process.argv[3] ?? 1), runId: 't', strict: process.argv[4] === 'strict', target: process.argv[5] ? { planted: [process.argv[5]] } : undefined });
console.log(formatResult(r));
if (r.failure)
    console.log(formatFailure(r));
console.log('avg commands per run', r.commands / r.runs);
//# sourceMappingURL=scratch-smoke.mjs.map