import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  exports: Record<string, string>;
  bin: Record<string, string>;
};

/** dist/x/y.js is built from src/x/y.ts. */
const source = (dist: string): URL => new URL(`../${dist.replace(/^\.?\/?dist\//, 'src/').replace(/\.js$/, '.ts')}`, import.meta.url);

describe('package entry points', () => {
  it.each(Object.entries(pkg.exports))('export %s is built from a source file that exists', (_name, target) => {
    expect(existsSync(source(target)), `${target} has no source`).toBe(true);
  });

  it.each(Object.entries(pkg.bin))('bin %s is built from a source file that starts with a node shebang', (_name, target) => {
    expect(readFileSync(source(target), 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
  });

  it('the root entry exposes the mock, the contract check and the property suite', async () => {
    const root = await import('../src/index.js');
    expect(typeof root.createMockCore).toBe('function');
    expect(typeof root.loadContract).toBe('function');
    expect(typeof root.runProperties).toBe('function');
    expect(typeof root.mock.startMock).toBe('function');
  });
});
