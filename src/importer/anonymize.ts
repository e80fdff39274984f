/** `modus-mock import --anonymize` (pure): names, emails, user ids and free text become stable fakes; structure stays. */
import type { Principal, SeedResource } from '../mock/domain/index.js';
import type { Imported } from './to-seed.js';

const WORDS = ['amber', 'birch', 'cobalt', 'delta', 'ember', 'fjord', 'granite', 'harbor', 'indigo', 'juniper', 'kestrel', 'lumen',
  'maple', 'nimbus', 'onyx', 'pebble', 'quartz', 'raven', 'sierra', 'tundra', 'umber', 'violet', 'willow', 'xenon', 'yarrow', 'zephyr'];

/** FNV-1a: the same text always gives the same fake, on every run and machine. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

/** Two words and a number picked by the hash of `text`, e.g. `cobalt-raven-417`. */
function fake(text: string): string {
  const h = hash(text);
  return `${WORDS[h % 26]}-${WORDS[(h >>> 8) % 26]}-${(h >>> 16) % 1000}`;
}

/** Free text of about the same length, so layouts keep their shape. */
function fakeText(text: string): string {
  const words: string[] = [];
  for (let i = 0; words.join(' ').length < Math.max(8, text.length); i++) words.push(WORDS[hash(`${text}#${i}`) % 26]!);
  const out = words.join(' ').slice(0, Math.max(8, text.length));
  return out.charAt(0).toUpperCase() + out.slice(1);
}

const TEXT_FIELDS = ['description', 'expectedOutput'];

/** Replaces the personal and free-text fields of one item's content (top level, `draft`, `deploys`). */
function scrubContent(content: Record<string, unknown>, kind: string): void {
  if (typeof content['name'] === 'string') content['name'] = `${kind} ${fake(content['name'])}`;
  for (const f of TEXT_FIELDS) if (typeof content[f] === 'string') content[f] = fakeText(content[f]);
  if (Array.isArray(content['instructions'])) content['instructions'] = content['instructions'].map((s) => (typeof s === 'string' ? fakeText(s) : s));
  const descriptions = content['supervisionSubordinateDescriptions'];
  if (descriptions && typeof descriptions === 'object') {
    content['supervisionSubordinateDescriptions'] = Object.fromEntries(Object.entries(descriptions).map(([k, v]) => [k, typeof v === 'string' ? fakeText(v) : v]));
  }
}

/** Anonymizes an import: the same input always gives the same output, and links (owners, shares, transfers) still line up. */
export function anonymize(imported: Imported): Imported {
  const user = (id: string): string => `user_${fake(id).replace(/-/g, '_')}`;
  const principals: Principal[] = imported.principals.principals.map((p) => ({ ...p, userId: user(p.userId), email: `${fake(p.email)}@example.test` }));
  const scrub = (item: SeedResource, kind: string): SeedResource => {
    const out = structuredClone(item);
    delete out.slug; // slugs are made from names: the mock derives a fresh one from the fake name
    scrubContent(out, kind);
    if (out.draft) scrubContent(out.draft, kind);
    for (const d of out.deploys ?? []) scrubContent(d, kind);
    out.owner = user(out.owner);
    const access = out['accessConfig'] as { sharedWith?: Array<{ userId: string }> } | undefined;
    for (const entry of access?.sharedWith ?? []) entry.userId = user(entry.userId);
    if (out.pendingTransferTo) out.pendingTransferTo = user(out.pendingTransferTo);
    if (out.pendingTransfer) {
      out.pendingTransfer.to = user(out.pendingTransfer.to);
      if (out.pendingTransfer.requestedBy) out.pendingTransfer.requestedBy = user(out.pendingTransfer.requestedBy);
    }
    return out;
  };
  const seed = { ...imported.seed, skills: imported.seed.skills?.map((s) => scrub(s, 'Skill')), agents: imported.seed.agents?.map((a) => scrub(a, 'Agent')) };
  return { principals: { principals }, seed };
}
