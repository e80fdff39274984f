/** scripts/build.mjs --if-stale (npm start, contract, properties): after a build, a start compiles nothing, so it builds once. */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureDist } from './helpers/cli-mock.js';
import { ROOT, runProcess } from './helpers/run-process.js';

describe('build script', () => {
  it('--if-stale leaves a fresh build alone (no second tsc run after npm ci)', async () => {
    ensureDist();
    const stamp = join(ROOT, 'dist/.build-stamp');
    const before = statSync(stamp).mtimeMs;
    const run = await runProcess(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--if-stale']);
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(statSync(stamp).mtimeMs).toBe(before);
  });

  it('npm start runs the build check, not `npm run build`', async () => {
    const pkg = (await import('../package.json', { with: { type: 'json' } })).default as { scripts: Record<string, string> };
    expect(pkg.scripts['prestart']).toBe('node scripts/build.mjs --if-stale');
    expect(pkg.scripts['prepare']).toBe('npm run build');
  });
});
