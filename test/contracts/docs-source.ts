/** Reads the vendored copy of the public docs (docs/source: the endpoint pages and modus-contract.md). */
import { readFileSync } from 'node:fs';

const SOURCE = new URL('../../docs/source/', import.meta.url);

/** The text of one vendored file (`seeds/skills-update.txt`, `modus-contract.md`). */
export function readSource(name: string): string {
  return readFileSync(new URL(name, SOURCE), 'utf8');
}

/** A response field as an endpoint page documents it. */
export interface DocField {
  name: string;
  /** As written: `number`, `string | null`, `enum<string>`, `object`, ... */
  type: string;
  required: boolean;
  /** The options of an `enum<string>`. */
  options?: string[];
  /** The page's example value, parsed as JSON, when it gives one. */
  example?: unknown;
  /** `Required string length: 1 - 200` / `Maximum string length: 200`. */
  minLength?: number;
  maxLength?: number;
}

const TYPE = /^(number|string|boolean|object|enum<string>|string\[\]|object\[\]|(string|number) \| null)$/;

/** The fields of a page's section (`Body` or `Response`), in page order. */
export function docFields(page: string, section: 'Body' | 'Response'): DocField[] {
  const lines = readSource(`seeds/${page}`).split('\n').map((l) => l.trim());
  const start = lines.indexOf(section);
  if (start < 0) throw new Error(`${page} has no ${section} section`);
  const end = section === 'Body' ? lines.indexOf('Response', start) : lines.length;
  const fields: DocField[] = [];
  for (let i = start + 1; i < end - 1; i++) {
    if (!/^[A-Za-z]+$/.test(lines[i]!) || !TYPE.test(lines[i + 1]!)) continue;
    const field: DocField = { name: lines[i]!, type: lines[i + 1]!, required: lines[i + 2] === 'required' };
    const next = lines.findIndex((l, j) => j > i + 1 && j < end - 1 && /^[A-Za-z]+$/.test(l) && TYPE.test(lines[j + 1] ?? ''));
    const own = lines.slice(i + 2, next < 0 ? end : next);
    readExample(own, field);
    const length = own.find((l) => /string length:/.test(l));
    const range = length && /(\d+) - (\d+)/.exec(length);
    if (range) [field.minLength, field.maxLength] = [Number(range[1]), Number(range[2])];
    else if (length && /^Maximum/.test(length)) field.maxLength = Number(/(\d+)/.exec(length)![1]);
    if (field.type === 'enum<string>') {
      const at = lines.indexOf('Available options:', i);
      const options: string[] = [];
      for (let j = at + 1; j < end && lines[j] !== 'Example:' && lines[j] !== ''; j++) options.push(lines[j]!.replace(/,$/, ''));
      field.options = options;
    }
    fields.push(field);
  }
  return fields;
}

function readExample(own: string[], field: DocField): void {
  const at = own.indexOf('Example:');
  if (at < 0) return;
  let j = at + 1;
  while (own[j] === '') j++;
  const text: string[] = [];
  for (; j < own.length && own[j] !== ''; j++) text.push(own[j]!);
  try {
    field.example = JSON.parse(text.join(' '));
  } catch {
    throw new Error(`the example of ${field.name} is not JSON: ${text.join(' ')}`);
  }
}

/** A rule of modus-contract.md: its id and leading tag. */
export interface ContractRule {
  id: string;
  tag: 'D' | 'A';
}

/** Every rule id of modus-contract.md with its leading tag; section 10 rules take the section's "(all [A])". */
export function contractRules(): ContractRule[] {
  const rules: ContractRule[] = [];
  let sectionTag: 'D' | 'A' | undefined;
  for (const line of readSource('modus-contract.md').split('\n')) {
    if (line.startsWith('## ')) sectionTag = /\(all \[A\]\)/.test(line) ? 'A' : undefined;
    const m = /^- ([A-Z]+-\d+)(?: \[([DA])\])?/.exec(line);
    if (!m) continue;
    const tag = (m[2] as 'D' | 'A' | undefined) ?? sectionTag;
    if (!tag) throw new Error(`modus-contract.md: rule ${m[1]} has no tag`);
    rules.push({ id: m[1]!, tag });
  }
  return rules;
}
