import { describe, expect, it } from 'vitest';
import { resolveScope } from './scope.js';

const base = { userId: 7, orgId: 3, orgPath: '/1/3/', jurisdictionPrefix: null, customOrgPaths: [], customRegionPrefixes: [] };

describe('resolveScope', () => {
  it('gives everything when any role has 全部', () => {
    expect(resolveScope({ ...base, levels: ['self', 'all'] }).all).toBe(true);
  });
  it('limits 本部门 to the organisation itself', () => {
    expect(resolveScope({ ...base, levels: ['dept'] })).toMatchObject({ all: false, orgIds: [3], orgPathPrefixes: [], ownerUserId: null });
  });
  it('extends 本部门及以下 to the subtree by path', () => {
    expect(resolveScope({ ...base, levels: ['dept_and_below'] }).orgPathPrefixes).toEqual(['/1/3/']);
  });
  it('adds the jurisdiction region to the department levels only', () => {
    expect(resolveScope({ ...base, jurisdictionPrefix: '640105002003', levels: ['dept'] }).regionPrefixes).toEqual(['640105002003']);
    expect(resolveScope({ ...base, jurisdictionPrefix: '640105002003', levels: ['self'] }).regionPrefixes).toEqual([]);
  });
  it('takes 自定义 organisations and regions from the role', () => {
    const scope = resolveScope({ ...base, levels: ['custom'], customOrgPaths: ['/1/9/'], customRegionPrefixes: ['640104'] });
    expect(scope.orgPathPrefixes).toEqual(['/1/9/']);
    expect(scope.regionPrefixes).toEqual(['640104']);
  });
  it('limits 仅本人 to the user’s own records', () => {
    expect(resolveScope({ ...base, levels: ['self'] })).toMatchObject({ ownerUserId: 7, orgIds: [], orgPathPrefixes: [] });
  });
  it('sees nothing without a role', () => {
    expect(resolveScope({ ...base, levels: [] })).toMatchObject({ all: false, orgIds: [], orgPathPrefixes: [], regionPrefixes: [], ownerUserId: null });
  });
});
