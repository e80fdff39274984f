import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StateFileError, readStateFile } from '../../src/mock/persistence.js';
import { coreFromFiles } from '../../src/mock/fixture-core.js';

const tmp = (name: string): string => join(mkdtempSync(join(tmpdir(), 'modus-layout-')), name);

describe('state file layout (one record per line, read row by row)', () => {
  it('the file the mock writes is valid JSON, one record per line, and reads back to the same state', () => {
    const core = coreFromFiles();
    const file = tmp('state.json');
    writeFileSync(file, core.serializeState());
    const text = readFileSync(file, 'utf8');
    expect(JSON.parse(text)).toEqual(core.exportState());
    const lines = text.trimEnd().split('\n');
    expect(lines.length).toBe(core.exportState().skills.length + core.exportState().agents.length + 3);
    expect(readStateFile(file)).toEqual(core.exportState());
  });

  it('a compact JSON export (e.g. saved from GET /__mock/state) loads too', () => {
    const core = coreFromFiles();
    const file = tmp('export.json');
    writeFileSync(file, JSON.stringify(core.exportState()));
    expect(readStateFile(file)).toEqual(core.exportState());
  });

  it('a truncated file is refused with the line where it ends, and is left as it was', () => {
    const text = coreFromFiles().serializeState();
    const file = tmp('cut.json');
    const cut = text.slice(0, text.indexOf('],"agents":['));
    writeFileSync(file, cut);
    expect(() => readStateFile(file)).toThrow(StateFileError);
    expect(() => readStateFile(file)).toThrow(/ends early/);
    expect(readFileSync(file, 'utf8')).toBe(cut);
  });

  it('a broken record line is refused with its line number', () => {
    const lines = coreFromFiles().serializeState().split('\n');
    lines[2] = '{"kind":"skill",';
    const file = tmp('broken.json');
    writeFileSync(file, lines.join('\n'));
    expect(() => readStateFile(file)).toThrow(/line 3 is not valid JSON/);
  });

  it('a record that parses but breaks the state schema is refused with its JSON path', () => {
    const lines = coreFromFiles().serializeState().split('\n');
    lines[1] = lines[1]!.replace('"status":"active"', '"status":"zombie"');
    const file = tmp('schema.json');
    writeFileSync(file, lines.join('\n'));
    expect(() => readStateFile(file)).toThrow(/\/skills\/0\/status/);
  });
});
