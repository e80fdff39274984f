/** Failures a person can act on: the numbered steps, the curl script, the report files. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mutantTarget } from '../../test/helpers/mutants.js';
import type { Exchange } from '../contracts/client.js';
import { toCurlScript } from './curl-script.js';
import { formatFailure, writePropertyReports } from './report.js';
import { runProperties, type PropertyResult } from './runner.js';

const dir = mkdtempSync(join(tmpdir(), 'properties-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const failing = (): Promise<PropertyResult> => runProperties({ target: mutantTarget('accept-by-anyone'), runs: 300, seed: 3, runId: 'repro' });

function exchange(method: string, path: string, status: number, body: unknown, request?: unknown): Exchange {
  return { request: { method, path, role: 'owner', ...(request === undefined ? {} : { body: request }) }, response: { status, headers: {}, body }, ms: 0 };
}

describe('a failure report', () => {
  it('numbers the shrunk steps with each request and response, and prints the replay flags', async () => {
    const r = await failing();
    const text = formatFailure(r);
    expect(text).toMatch(/^XFER-3 \[D\]: /);
    expect(text).toContain(`--seed ${r.failedSeed} --path '${r.path}'`);
    expect(text).toMatch(/^1\. POST \/(skills|agents) \{.*\} as \w+ → #1$/m);
    expect(text).toMatch(/^ +→ POST \/api\/v1\/(skills|agents)\/\d+\/transfer-ownership\/accept as \w+/m);
    expect(text).toMatch(/^ +← 200 /m);
  });

  it('is a bash script that captures ids and takes tokens and users from the environment', async () => {
    const r = await failing();
    const script = toCurlScript(r);
    expect(spawnSync('bash', ['-n'], { input: script }).status).toBe(0);
    expect(script).toContain(`ID_1=$(jq -r '.id' <<<"$BODY")`);
    expect(script).toMatch(/call POST "\/api\/v1\/(skills|agents)\/\$ID_1\/transfer-ownership" \w+ '\{"newOwnerUserId":"'"\$\{MODUS_USER_\w+:-user_\w+\}"'"\}'/);
    expect(script).toContain('BASE="${MODUS_BASE_URL:-http://127.0.0.1:4010}"');
    expect(script).toContain('MODUS_TOKEN_$3');
    expect(script).not.toMatch(/tok_/);
  });

  it('captures variation ids and page tokens from the answer that first gave them', () => {
    const v = '11111111-2222-4333-8444-555555555555';
    const steps = [
      { label: 'POST /skills', exchanges: [exchange('POST', '/api/v1/skills', 201, { id: 12, draftVariationId: v }, { name: "it's" })] },
      { label: 'GET variation', exchanges: [exchange('GET', `/api/v1/skills/12/variations/${v}`, 200, {})] },
      { label: 'list', exchanges: [exchange('GET', '/api/v1/skills?pageSize=2', 200, { nextPageToken: 'a/b=' }), exchange('GET', '/api/v1/skills?pageSize=2&pageToken=a%2Fb%3D', 200, {})] },
      { label: 'PATCH manager', exchanges: [exchange('PATCH', '/api/v1/skills/12', 422, {}, { managerId: 12, name: 'x' })] },
    ];
    const r = { failure: { rule: 'LIFE-11', tag: 'D', message: 'm', steps }, principals: { owner: { userId: 'u1' }, teammate: { userId: 'u2' }, outsider: { userId: 'u3' }, otherOrg: { userId: 'u4' } }, seed: 1, path: '0', target: 't', remote: true, redact: (t: string) => t } as unknown as PropertyResult;
    const script = toCurlScript(r);
    expect(spawnSync('bash', ['-n'], { input: script }).status).toBe(0);
    const lines = script.split('\n');
    const create = lines.findIndex((l) => l.startsWith('call POST "/api/v1/skills"'));
    expect(lines[create]).toContain(`'{"name":"it'\\''s"}'`);
    expect(lines.slice(create + 1, create + 3)).toEqual([`ID_1=$(jq -r '.id' <<<"$BODY")`, `V_1=$(jq -r '.draftVariationId' <<<"$BODY")`]);
    expect(script).toContain('call GET "/api/v1/skills/$ID_1/variations/$V_1" OWNER');
    expect(script).toContain(`TOKEN_2=$(jq -r '.nextPageToken | @uri' <<<"$BODY")`);
    expect(script).toContain('call GET "/api/v1/skills?pageSize=2&pageToken=$TOKEN_2" OWNER');
    expect(script).toContain(`call PATCH "/api/v1/skills/$ID_1" OWNER '{"managerId":'"$ID_1"',"name":"x"}'`);
  });

  it('writes JUnit, JSON and the script next to the JSON', async () => {
    const r = await failing();
    const json = join(dir, 'out', 'properties.json');
    const junit = join(dir, 'out', 'properties.xml');
    const script = writePropertyReports(r, { json, junit });
    expect(script).toBe(join(dir, 'out', 'properties-repro.sh'));
    expect(statSync(script!).mode & 0o111).not.toBe(0);
    const doc = JSON.parse(readFileSync(json, 'utf8')) as { outcome: string; failure: { rule: string }; replay: string };
    expect(doc.outcome).toBe('fail');
    expect(doc.failure.rule).toBe('XFER-3');
    expect(doc.replay).toContain(`--seed ${r.failedSeed}`);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/<testcase classname="properties\.XFER-3"[^>]*>\n +<failure message="XFER-3 broken">/);
    expect(xml).not.toMatch(/tok_/);
  });
});
