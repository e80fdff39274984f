import { describe, it, expect } from 'vitest';
import { compilePathMatcher, stripQuery } from './path-match.js';

describe('stripQuery', () => {
  it('drops query strings, fragments and origins', () => {
    expect(stripQuery('/api/v1/skills?pageSize=1')).toBe('/api/v1/skills');
    expect(stripQuery('/api/v1/skills#top')).toBe('/api/v1/skills');
    expect(stripQuery('http://127.0.0.1:4010/api/v1/skills/1?view=draft')).toBe('/api/v1/skills/1');
  });
});

describe('compilePathMatcher', () => {
  const matcher = compilePathMatcher([
    ['/skills/{id}', 'one'],
    ['/skills/{id}/{action}', 'action'],
    ['/skills/{id}/deploy', 'deploy'],
    ['/skills', 'list'],
  ] as const);

  it('literal segments win over parameters, whatever the declaration order', () => {
    expect(matcher.match('/skills/42/deploy')?.value).toBe('deploy');
    expect(matcher.match('/skills/42/undelete')?.value).toBe('action');
  });

  it('matches whole paths only', () => {
    expect(matcher.match('/skills')?.template).toBe('/skills');
    expect(matcher.match('/skills/')).toBeUndefined();
    expect(matcher.match('/skills/1/deploy/x')).toBeUndefined();
    expect(matcher.match('/other/skills/1')).toBeUndefined();
  });

  it('answers a path the same every time it is asked, past the paths it remembers too', () => {
    const asked = (n: number): string[] => [`/skills/${n}`, `/skills/${n}/deploy?x=${n}`, `/skills/${n}/x/y`];
    const first = asked(1).map((p) => matcher.match(p)?.value);
    expect(first).toEqual(['one', 'deploy', undefined]);
    for (let n = 2; n < 12_000; n++) expect(asked(n).map((p) => matcher.match(p)?.value)).toEqual(first);
    expect(asked(1).map((p) => matcher.match(p)?.value)).toEqual(first);
  });
});
