/**
 * Faults planted in a valid generated seed file (seed-world.ts): one change README "Fixture formats" calls invalid,
 * and the JSON path of that change, computed from where it was planted.
 */
import { PRINCIPALS, byUser, type Planned, type World } from './seed-world.js';

type Item = Record<string, unknown>;
/** What a planter sees: the world's plan, its seed file (to change in place) and a number to pick with. */
export interface Site {
  world: World;
  file: { skills: Item[]; agents: Item[]; nextId?: Record<string, number> } & Record<string, unknown>;
  pick: number;
}
/** Plants one fault; answers the JSON path it planted at, or undefined when this world has no place for it. */
type Planter = (s: Site) => string | undefined;

const KEYS = { skill: 'skills', agent: 'agents' } as const;
const V2_ONLY = ['id', 'slug', 'createdAt', 'updatedAt', 'deletedAt', 'variationId', 'deploys', 'pendingTransfer'];
// A list holding a well-formed value is no timestamp or uuid either, though it reads as one when turned into a string.
const BAD_TIMES = ['yesterday', '2025-13-45T00:00:00.000Z', '2025-03-01 10:00:00Z', '2025-03-01T10:00:00.000', '2025-03-01T10:00Z', '', 1_740_823_200_000, ['2025-03-01T10:00:00.000Z']];
const BAD_UUIDS = ['not-a-uuid', 'aaaaaaaa-0000-4000-8000-0000000000011', 'aaaaaaaa-0000-4000-8000-00000000000g', 'aaaaaaaa00004000800000000000000a', 'xaaaaaaaa-0000-4000-8000-000000000001', 7, ['cccccccc-0000-4000-8000-000000000002']];
const VALID_UUID = 'cccccccc-0000-4000-8000-000000000001';
const at = <T>(list: readonly T[], pick: number): T | undefined => (list.length ? list[pick % list.length] : undefined);

/** An item of either kind (or of `kind`), with its path and plan. */
function anItem(s: Site, kind?: 'skill' | 'agent', which: (p: Planned) => boolean = () => true): { item: Item; path: string; p: Planned } | undefined {
  const planned = (kind ? s.world[KEYS[kind]] : [...s.world.skills, ...s.world.agents]).filter(which);
  const p = at(planned, s.pick);
  if (!p) return undefined;
  return { item: s.file[KEYS[p.kind]][p.index]!, path: `/${KEYS[p.kind]}/${p.index}`, p };
}

/** Sets `key` on an item and answers the key's path. */
const setOn = (s: Site, key: string | ((p: Planned) => string), value: unknown | ((p: Planned) => unknown), kind?: 'skill' | 'agent', which?: (p: Planned) => boolean): string | undefined => {
  const found = anItem(s, kind, which);
  if (!found) return undefined;
  const k = typeof key === 'function' ? key(found.p) : key;
  found.item[k] = typeof value === 'function' ? (value as (p: Planned) => unknown)(found.p) : value;
  return `${found.path}/${k}`;
};
const v2 = (s: Site): boolean => s.world.version === 2;
/** How `item` refers to skill `m` in its format: a 1-based position (v1) or the id (v2). */
const ref = (s: Site, m: Planned): number => (v2(s) ? m.id : m.index + 1);
const sameOrgOthers = (p: Planned): string[] => PRINCIPALS.filter((q) => q.orgUuid === byUser(p.owner).orgUuid && q.userId !== p.owner).map((q) => q.userId);

const PLANTERS: Record<string, Planter> = {
  // Names an object has from its prototype are no seed fields either.
  unknownKey: (s) => setOn(s, at(['colour', 'constructor', 'toString', 'hasOwnProperty'], s.pick >> 3)!, 'red'),
  otherKindKey: (s) => setOn(s, (p) => (p.kind === 'skill' ? 'isEnabled' : 'managerId'), (p: Planned) => (p.kind === 'skill' ? true : 1)),
  v2KeyInV1: (s) => (v2(s) ? undefined : setOn(s, at(V2_ONLY, s.pick)!, 'x')),
  wrongType: (s) => {
    const found = anItem(s);
    const field = found && at(found.p.kind === 'skill' ? ['name', 'description', 'instructions', 'model', 'toolset', 'connectionSet'] : ['name', 'description', 'type', 'trigger'], s.pick >> 3)!;
    if (!found || !field) return undefined;
    found.item[field] = field === 'type' ? 'robot' : field === 'instructions' ? [1] : 42;
    return `${found.path}/${field}`;
  },
  longName: (s) => setOn(s, 'name', at(['a'.repeat(201), '🙂'.repeat(201), ''], s.pick >> 3)),
  badTime: (s) => (v2(s) ? setOn(s, at(['createdAt', 'updatedAt'], s.pick >> 2)!, at(BAD_TIMES, s.pick >> 3)) : undefined),
  badDeletedAt: (s) => (v2(s) ? setOn(s, 'deletedAt', at(BAD_TIMES, s.pick >> 3), undefined, (p) => p.deleted) : undefined),
  deletedAtAlone: (s) => (v2(s) ? setOn(s, 'deletedAt', '2025-05-01T00:00:00.000Z', undefined, (p) => !p.deleted) : undefined),
  updatedBeforeCreated: (s) => {
    const found = v2(s) ? anItem(s) : undefined;
    if (!found) return undefined;
    const created = Date.parse(String(found.item['createdAt'] ?? '2025-03-01T10:00:00.000Z'));
    Object.assign(found.item, { createdAt: new Date(created).toISOString(), updatedAt: new Date(created - 1 - (s.pick % 1000)).toISOString() });
    return `${found.path}/updatedAt`;
  },
  badUuid: (s) => (v2(s) ? setOn(s, 'variationId', at(BAD_UUIDS, s.pick >> 3)) : undefined),
  badDraftUuid: (s) => {
    const found = v2(s) ? anItem(s, undefined, (p) => p.draft !== undefined) : undefined;
    if (!found) return undefined;
    (found.item['draft'] as Item)['variationId'] = at(BAD_UUIDS, s.pick >> 3);
    return `${found.path}/draft/variationId`;
  },
  badDeployUuid: (s) => {
    const found = v2(s) ? anItem(s, undefined, (p) => p.contents.length > 1) : undefined;
    if (!found) return undefined;
    const deploys = found.item['deploys'] as Item[];
    const k = (s.pick >> 2) % deploys.length;
    deploys[k]!['variationId'] = at(BAD_UUIDS, s.pick >> 3);
    return `${found.path}/deploys/${k}/variationId`;
  },
  repeatedUuid: (s) => {
    if (!v2(s)) return undefined;
    const all = [...s.world.skills, ...s.world.agents];
    if (all.length < 2) return undefined;
    const [x, y] = [all[s.pick % all.length]!, all[(s.pick >> 4) % all.length]!];
    if (x === y) return undefined;
    // The later use in file order, skills before agents.
    const [a, b] = all.indexOf(x) < all.indexOf(y) ? [x, y] : [y, x];
    s.file[KEYS[a.kind]][a.index]!['variationId'] = VALID_UUID;
    const later = s.file[KEYS[b.kind]][b.index]!;
    const path = `/${KEYS[b.kind]}/${b.index}`;
    // The second use may be the item's first variation, its first later deploy or its draft.
    if ((s.pick & 8) !== 0 && b.draft) {
      (later['draft'] as Item)['variationId'] = VALID_UUID;
      return `${path}/draft/variationId`;
    }
    if ((s.pick & 16) !== 0 && b.contents.length > 1) {
      (later['deploys'] as Item[])[0]!['variationId'] = VALID_UUID;
      return `${path}/deploys/0/variationId`;
    }
    later['variationId'] = VALID_UUID;
    return `${path}/variationId`;
  },
  idNotGreater: (s) => {
    const found = v2(s) ? anItem(s) : undefined;
    if (!found) return undefined;
    const prev = found.p.index === 0 ? 0 : s.world[KEYS[found.p.kind]][found.p.index - 1]!.id;
    // Not above the previous id, or above it but no safe integer.
    found.item['id'] = at([prev, prev - 1, prev + 0.5, -1, prev + 1.5, 2 ** 53 + 2], s.pick >> 3)!;
    return `${found.path}/id`;
  },
  nextIdLow: (s) => {
    const kind = at(['skill', 'agent'] as const, s.pick >> 2)!;
    const top = s.world[KEYS[kind]].at(-1);
    if (!v2(s) || !top) return undefined;
    const low = (s.pick & 1) === 0 ? top.id - ((s.pick >> 3) % top.id) : at([top.id + 1.5, 2 ** 53 + 2], s.pick >> 3)!; // not above every id, or no integer
    s.file.nextId = { ...s.file.nextId, [kind]: low };
    return `/nextId/${kind}`;
  },
  managerNowhere: (s) => setOn(s, 'managerId', v2(s) ? Math.max(...s.world.skills.map((p) => p.id)) + 1 + (s.pick % 3) : s.world.skills.length + 1 + (s.pick % 3), 'skill'),
  managerSelf: (s) => setOn(s, 'managerId', (p: Planned) => ref(s, p), 'skill'),
  managerUnusable: (s) => {
    const found = anItem(s, 'skill');
    const m = found && at(s.world.skills.filter((q) => byUser(q.owner).orgUuid !== byUser(found.p.owner).orgUuid || (q.owner !== found.p.owner && q.visibility === 'private')), s.pick >> 3);
    if (!found || !m) return undefined;
    found.item['managerId'] = ref(s, m);
    return `${found.path}/managerId`;
  },
  managerCycle: (s) => {
    const a = at(s.world.skills, s.pick);
    const b = a && at(s.world.skills.filter((q) => q.owner === a.owner && q !== a), s.pick >> 3);
    if (!a || !b) return undefined;
    const [first, second] = a.index < b.index ? [a, b] : [b, a];
    s.file.skills[first.index]!['managerId'] = ref(s, second);
    s.file.skills[second.index]!['managerId'] = ref(s, first);
    return `/skills/${second.index}/managerId`; // links are made in file order: the second closes the cycle
  },
  transferOutsider: (s) => {
    const found = anItem(s);
    if (!found) return undefined;
    const outsiders = ['user_nobody', found.p.owner, '', 5, ...PRINCIPALS.filter((q) => q.orgUuid !== byUser(found.p.owner).orgUuid).map((q) => q.userId)];
    const to = at(outsiders, s.pick >> 3)!;
    delete found.item['pendingTransfer'];
    delete found.item['pendingTransferTo'];
    if (v2(s) && (s.pick & 4) !== 0) {
      found.item['pendingTransfer'] = { to };
      return `${found.path}/pendingTransfer/to`;
    }
    found.item['pendingTransferTo'] = to;
    return `${found.path}/pendingTransferTo`;
  },
  transferByNobody: (s) => transferObject(s, (t) => Object.assign(t, { requestedBy: at(['user_nobody', '', 7], s.pick >> 3) }), 'requestedBy'),
  transferNotObject: (s) => transferObject(s, (_t, item) => Object.assign(item, { pendingTransfer: at(['user_bob', ['user_bob'], null], s.pick >> 3) }), ''),
  transferExtraKey: (s) => transferObject(s, (t) => Object.assign(t, { note: 'x' }), 'note'),
  transferBadTime: (s) => transferObject(s, (t) => Object.assign(t, { requestedAt: at(BAD_TIMES, s.pick >> 3) }), 'requestedAt'),
  transferBoth: (s) => transferObject(s, (t, item) => Object.assign(item, { pendingTransferTo: t['to'] }), ''),
  ownerUnknown: (s) => setOn(s, 'owner', 'user_nobody'),
  nameMissing: (s) => {
    const found = anItem(s);
    if (!found) return undefined;
    delete found.item['name'];
    return `${found.path}/name`;
  },
  badAccess: (s) => setOn(s, 'accessConfig', at([{ visibility: 'public' }, { colour: 'red' }, 'org', { sharedWith: [{ userId: 'user_bob' }] }, { ownerUserId: 'user_nobody' }], s.pick >> 3)),
  draftLink: (s) => {
    const found = anItem(s);
    if (!found) return undefined;
    const key = at(['managerId', 'accessConfig', 'colour', 'constructor', 'toString', ...(v2(s) ? [] : ['variationId'])], s.pick >> 3)!;
    const draft = { ...(found.item['draft'] as Item | undefined), [key]: key === 'accessConfig' ? { visibility: 'org' } : key === 'variationId' ? VALID_UUID : 1 };
    found.item['draft'] = draft;
    return `${found.path}/draft/${key}`;
  },
  patchWrongType: (s) => {
    // A draft or a later deploy is a content patch: its fields are checked like the item's own.
    const found = anItem(s, undefined, (p) => p.draft !== undefined || p.contents.length > 1);
    if (!found) return undefined;
    const field = at(found.p.kind === 'skill' ? ['description', 'instructions', 'model', 'name'] : ['description', 'type', 'trigger', 'name'], s.pick >> 3)!;
    const value = field === 'type' ? 'robot' : field === 'name' ? '' : 42;
    if (found.p.draft !== undefined && (s.pick & 4) === 0) {
      (found.item['draft'] as Item)[field] = value;
      return `${found.path}/draft/${field}`;
    }
    const deploys = found.item['deploys'] as Item[] | undefined;
    if (!deploys?.length) return undefined;
    deploys[0]![field] = value;
    return `${found.path}/deploys/0/${field}`;
  },
  draftNotObject: (s) => setOn(s, 'draft', at(['x', ['description'], null, 3], s.pick >> 3)),
  deploysBad: (s) => {
    const found = v2(s) ? anItem(s) : undefined;
    if (!found) return undefined;
    const how = (s.pick >> 3) % 3;
    if (how === 0) found.item['deploys'] = { description: 'x' };
    if (how === 1) Object.assign(found.item, { deploy: false, deploys: [{ description: 'x' }] });
    if (how < 2) return `${found.path}/deploys`;
    found.item['deploy'] = true; // later deploys need the first one
    found.item['deploys'] = [...((found.item['deploys'] as Item[] | undefined) ?? []), { colour: 'red' }];
    return `${found.path}/deploys/${(found.item['deploys'] as Item[]).length - 1}/colour`;
  },
  // README v2 `deploys`/`draft.variationId`: a uuid names the variation a patch's content makes; with no content it would be ignored.
  contentlessVariation: (s) => {
    const found = v2(s) ? anItem(s, undefined, (p) => p.deployed) : undefined;
    if (!found) return undefined;
    if ((s.pick & 4) === 0) {
      found.item['draft'] = { variationId: VALID_UUID };
      return `${found.path}/draft/variationId`;
    }
    const deploys = (found.item['deploys'] as Item[] | undefined) ?? [];
    found.item['deploys'] = [...deploys, { variationId: VALID_UUID }];
    return `${found.path}/deploys/${deploys.length}/variationId`;
  },
  // README v2: `draft` is patched after the deploy and `variationId` names the first variation, so a never-deployed
  // item's draft is that first variation: a draft.variationId would rename it (and drop the item's own variationId).
  draftUuidUndeployed: (s) => {
    const found = v2(s) ? anItem(s, undefined, (p) => !p.deployed) : undefined;
    if (!found) return undefined;
    found.item['draft'] = { ...((found.item['draft'] as Item | undefined) ?? { description: 'drafted' }), variationId: VALID_UUID };
    return `${found.path}/draft/variationId`;
  },
  // README: a v1 managerId is the 1-based position in "skills", an integer; not a string or a boolean that arithmetic turns into one.
  managerNotInteger: (s) => {
    // Names a skill the owner can use (another of its own), so only the type is wrong; `true` counts as position 1.
    const found = v2(s) ? undefined : anItem(s, 'skill');
    const m = found && at(s.world.skills.filter((q) => q !== found.p && q.owner === found.p.owner), s.pick >> 3);
    if (!found || !m) return undefined;
    found.item['managerId'] = (s.pick & 4) === 0 ? String(m.index + 1) : at([true, 1.5, null], s.pick >> 3);
    return `${found.path}/managerId`;
  },
  // README v2 timestamps, UPD-6: without createdAt the item is created at load time; an updatedAt before that precedes the creation.
  updatedAloneEarly: (s) => {
    const found = v2(s) ? anItem(s) : undefined;
    if (!found) return undefined;
    delete found.item['createdAt'];
    found.item['updatedAt'] = at(['2020-01-01T00:00:00.000Z', '2025-03-01T10:00:00Z', new Date(Date.now() - 60_000).toISOString()], s.pick >> 3);
    return `${found.path}/updatedAt`;
  },
  badSlug: (s) => (v2(s) ? setOn(s, 'slug', at(['Bad Slug', '-lead', 'UPPER', 'a_b', '', 5], s.pick >> 3)) : undefined),
  repeatedSlug: (s) => {
    const a = v2(s) ? at([...s.world.skills, ...s.world.agents], s.pick) : undefined;
    const b = a && at(s.world[KEYS[a.kind]].filter((q) => q !== a && byUser(q.owner).orgUuid === byUser(a.owner).orgUuid), s.pick >> 3);
    if (!a || !b) return undefined;
    const later = a.index < b.index ? b : a;
    s.file[KEYS[a.kind]][a.index]!['slug'] = 'twice-z';
    s.file[KEYS[b.kind]][b.index]!['slug'] = 'twice-z';
    return `/${KEYS[a.kind]}/${later.index}/slug`;
  },
};

/** Gives an item a valid v2 `pendingTransfer`, changes it with `change`, and answers the path of `key` inside it. */
function transferObject(s: Site, change: (t: Item, item: Item) => void, key: string): string | undefined {
  const found = v2(s) ? anItem(s, undefined, (p) => sameOrgOthers(p).length > 0) : undefined;
  if (!found) return undefined;
  delete found.item['pendingTransferTo'];
  const t: Item = { to: at(sameOrgOthers(found.p), s.pick)! };
  found.item['pendingTransfer'] = t;
  change(t, found.item);
  return key ? `${found.path}/pendingTransfer/${key}` : `${found.path}/pendingTransfer`;
}

/** README "Fixture formats" words these refusals: the message after the path starts so. */
export function documentedMessage(fault: string, path: string): string | undefined {
  if (fault === 'longName') return 'name must be 1 to 200 characters';
  if (fault === 'draftLink' && path.endsWith('/draft/managerId')) return 'a manager link is not drafted (UPD-2): ';
  if (fault !== 'otherKindKey') return undefined;
  return path.startsWith('/skills/') ? 'isEnabled is a field of agents, not of skills' : 'managerId is a field of skills, not of agents';
}

/** The names of every fault this file plants. */
export const FAULTS = Object.keys(PLANTERS);

/** Plants fault `name`; answers the JSON path of the change, or undefined when the world has no place for it. */
export function plant(name: string, site: Site): string | undefined {
  return PLANTERS[name]!(site);
}
