/** ERR-1 / DET-2: one error catalogue (src/mock/domain/errors.ts) for every status the mock sends, named as openapi.json names them. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorAnswer, statusName, STATUS_NAMES } from '../../src/mock/domain/index.js';

const root = new URL('../../', import.meta.url).pathname;
const spec = JSON.parse(readFileSync(join(root, 'openapi.json'), 'utf8'));
const ENUM: string[] = spec.components.schemas.Error.properties.error.properties.status.enum;

/** Every source file of the mock (tests excluded). */
function mockSources(dir = join(root, 'src/mock')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return mockSources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The error statuses the mock's code names literally: domain failures, error answers, admin refusals, raw socket answers. */
function statusesInSource(): Map<number, string> {
  const found = new Map<number, string>();
  const pattern = /\b(?:fail|errorAnswer|rawAnswer)\((\d{3})\b|\brefuse\(res, (\d{3})\b|\bcode: (\d{3})\b|\breturn ([45]\d\d);/g;
  for (const file of mockSources()) {
    for (const m of readFileSync(file, 'utf8').matchAll(pattern)) {
      const code = Number(m[1] ?? m[2] ?? m[3] ?? m[4]);
      if (!found.has(code)) found.set(code, file.slice(root.length));
    }
  }
  return found;
}

describe('error catalogue', () => {
  it('DET-2: every status name of the catalogue, and UNKNOWN for the rest, is in the Error status enum of openapi.json', () => {
    for (const [code, name] of Object.entries(STATUS_NAMES)) expect(ENUM, `${code} ${name}`).toContain(name);
    for (let code = 400; code <= 599; code++) expect(ENUM, String(code)).toContain(statusName(code));
  });

  it('DET-2: every error status the mock sends of its own accord has a catalogue line (never UNKNOWN)', () => {
    const sent = statusesInSource();
    expect(sent.size).toBeGreaterThan(8); // the scan finds the mock's statuses at all
    for (const [code, file] of sent) expect(STATUS_NAMES[code], `${code} sent in ${file}`).toBeDefined();
  });

  it('DET-2: every error status openapi.json documents has a catalogue line', () => {
    const documented = new Set<number>();
    for (const item of Object.values(spec.paths) as Array<Record<string, { responses?: Record<string, unknown> }>>) {
      for (const op of Object.values(item)) for (const status of Object.keys(op.responses ?? {})) if (/^[45]\d\d$/.test(status)) documented.add(Number(status));
    }
    expect(documented.size).toBeGreaterThan(0);
    for (const code of documented) expect(STATUS_NAMES[code], String(code)).toBeDefined();
  });

  it('ERR-1: errorAnswer is the status, the JSON content type plus extra headers, and the error body', () => {
    expect(errorAnswer(405, 'no', { allow: 'GET' })).toEqual({
      status: 405,
      headers: { 'content-type': 'application/json', allow: 'GET' },
      body: { error: { code: 405, status: 'METHOD_NOT_ALLOWED', message: 'no' } },
    });
    expect(errorAnswer(418, 'teapot').body).toEqual({ error: { code: 418, status: 'UNKNOWN', message: 'teapot' } });
  });
});
