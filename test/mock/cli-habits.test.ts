/** CLI habits: --version on every bin, data on stdout and logs on stderr, plain text without a terminal or under NO_COLOR. */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureDist, startCliMock } from '../helpers/cli-mock.js';
import { ROOT, runProcess } from '../helpers/run-process.js';
import { plainOutput } from '../../src/version.js';

const pkg = (await import('../../package.json', { with: { type: 'json' } })).default as { version: string; bin: Record<string, string> };
// eslint-disable-next-line no-control-regex -- ANSI escapes and box drawing are what must not appear
const DECORATION = /\u001b\[|[\u2500-\u257f]/;

beforeAll(() => ensureDist());

describe('CLI habits', () => {
  it.each(Object.entries(pkg.bin))('%s --version prints "name version" on stdout and exits 0', async (name, file) => {
    const run = await runProcess(process.execPath, [join(ROOT, file), '--version']);
    expect(run).toEqual({ code: 0, stdout: `${name} ${pkg.version}\n`, stderr: '' });
  });

  it('modus-mock: URL and token table on stdout, request log lines on stderr, no escapes or box drawing', async () => {
    const mock = await startCliMock([], { NO_COLOR: '1' });
    await fetch(`${mock.url}/api/v1/skills`, { headers: { authorization: 'Bearer tok_alice_owner' } });
    const deadline = Date.now() + 5000;
    while (!mock.stderr().includes('GET /api/v1/skills 200') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    await mock.stop();
    expect(mock.stdout()).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(mock.stdout()).toMatch(/^tok_alice_owner\s+user_alice\s+alice@acme\.example/m);
    expect(mock.stderr()).toMatch(/GET \/api\/v1\/skills 200/);
    expect(mock.stdout()).not.toMatch(/GET \/api\/v1\/skills 200/);
    expect(mock.stdout() + mock.stderr()).not.toMatch(DECORATION);
  });

  it('plain output under NO_COLOR, TERM=dumb or without a terminal; decorated only on a terminal', () => {
    const env = { ...process.env };
    try {
      delete process.env['NO_COLOR'];
      process.env['TERM'] = 'xterm';
      expect(plainOutput({ isTTY: true })).toBe(false);
      expect(plainOutput({ isTTY: false })).toBe(true);
      process.env['NO_COLOR'] = '1';
      expect(plainOutput({ isTTY: true })).toBe(true);
      delete process.env['NO_COLOR'];
      process.env['TERM'] = 'dumb';
      expect(plainOutput({ isTTY: true })).toBe(true);
    } finally {
      process.env = env;
    }
  });

  it('--rps 0 means "no limit" in both suites (one meaning per flag)', async () => {
    const properties = await runProcess(process.execPath, [join(ROOT, 'dist/properties/cli.js'), '--rps', '0', '--runs', '1', '--max-commands', '3']);
    expect(properties.stderr).not.toMatch(/--rps must be/);
    expect(properties.code).toBe(0);
  });
});
