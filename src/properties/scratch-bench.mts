import { runCommands } from './bench-hook.js';
import { loadContract } from '../contracts/validation.js';
let t = performance.now(); loadContract(); console.log('loadContract ms', performance.now() - t);
const r = await runCommands({ target: process.argv[2] ?? 'in-process', count: Number(process.argv[3] ?? 20000) });
console.log(r, 'per s', r.commands / (r.ms / 1000));
