/** The pure parts of census campaigns: who visits which household, when two fact values are the same, and the target templates. */
import { describe, expect, it } from 'vitest';
import { TARGET_TEMPLATES } from '../../contracts/campaigns.js';
import { assignWorkers, regionChains } from './assignment.js';
import { factValueOf, sameFactValue } from './census-facts.js';
import { checkTargetRule } from './target.js';

// 640105002003 金波路社区 (level 5) with two grids below it, in street 640105002 (level 4).
const REGIONS = new Map([
  ['640105002', { parentCode: '640105', level: 4 }],
  ['640105002003', { parentCode: '640105002', level: 5 }],
  ['640105002003001', { parentCode: '640105002003', level: 6 }],
  ['640105002003002', { parentCode: '640105002003', level: 6 }],
  ['640105002003001001', { parentCode: '640105002003001', level: 7 }],
]);

describe('region chains', () => {
  it('run from the household’s region up to its community, and no further', () => {
    const chains = regionChains(['640105002003001001', '640105002003', '640105002', '999'], REGIONS);
    expect(chains.get('640105002003001001')).toEqual(['640105002003001001', '640105002003001', '640105002003']);
    expect(chains.get('640105002003')).toEqual(['640105002003']);
    // A household registered at street level has no grid worker of its own.
    expect(chains.get('640105002')).toEqual([]);
    expect(chains.get('999')).toEqual([]);
  });
});

describe('assigning households to grid workers', () => {
  const chain = (code: string) => regionChains([code], REGIONS).get(code)!;

  it('prefers the worker of the household’s own grid, then the nearest grid or community above it', () => {
    const workers = [{ id: 7, regionCode: '640105002003' }, { id: 8, regionCode: '640105002003001' }];
    const result = assignWorkers([
      { id: 1, regions: chain('640105002003001001') },
      { id: 2, regions: chain('640105002003002') },
      { id: 3, regions: chain('640105002003') },
    ], workers);
    expect([...result]).toEqual([[1, 8], [2, 7], [3, 7]]);
  });

  it('leaves a household nobody covers unassigned', () => {
    const result = assignWorkers([{ id: 1, regions: chain('640105002') }, { id: 2, regions: [] }], [{ id: 7, regionCode: '640105002003' }]);
    expect([...result]).toEqual([[1, null], [2, null]]);
  });

  it('splits a grid’s households evenly between its workers, counting what they already have', () => {
    const workers = [{ id: 9, regionCode: '640105002003001' }, { id: 4, regionCode: '640105002003001' }];
    const households = [5, 3, 1, 2, 4].map((id) => ({ id, regions: chain('640105002003001') }));
    const fresh = assignWorkers(households, workers);
    expect([...fresh.entries()].sort((a, b) => a[0] - b[0])).toEqual([[1, 4], [2, 9], [3, 4], [4, 9], [5, 4]]);
    const busy = assignWorkers(households, workers, new Map([[4, 3]]));
    expect([...busy.values()].filter((id) => id === 9)).toHaveLength(4);
    expect([...busy.values()].filter((id) => id === 4)).toHaveLength(1);
  });
});

describe('fact values seen on a census visit', () => {
  it('keep only the keys each kind holds', () => {
    expect(factValueOf('elderly_alone', { anything: 1 })).toEqual({});
    expect(factValueOf('employment', { employer: ' 宁夏建工集团 ', note: 'x' })).toEqual({ employer: '宁夏建工集团' });
    expect(factValueOf('employment', { employer: '街道', publicWelfarePost: true, postEndDate: '2026-12-31', extra: 1 })).toEqual({ employer: '街道', publicWelfarePost: true, postEndDate: '2026-12-31' });
    expect(factValueOf('disability', { category: 4, grade: 2, certificateNo: '64010519810409001x42', photo: 'x' })).toEqual({ category: 4, grade: 2, certificateNo: '64010519810409001X42' });
    expect(factValueOf('incapacitated', { level: 'full', since: 'x' })).toEqual({ level: 'full' });
  });

  it('are the same when what they say agrees, so confirming writes nothing', () => {
    expect(sameFactValue('employment', { employer: '宁夏建工集团', publicWelfarePost: false }, { employer: '宁夏建工集团' })).toBe(true);
    expect(sameFactValue('employment', { employer: '宁夏建工集团' }, { employer: '宁夏建工集团第三分公司' })).toBe(false);
    expect(sameFactValue('employment', { employer: '街道', publicWelfarePost: true, postEndDate: '2026-12-31' }, { employer: '街道', publicWelfarePost: true, postEndDate: '2027-12-31' })).toBe(false);
    expect(sameFactValue('disability', { category: 4, grade: 2, certificateNo: 'A' }, { category: '4', grade: 2, certificateNo: 'a' })).toBe(true);
    expect(sameFactValue('incapacitated', { level: 'partial' }, { level: 'full' })).toBe(false);
    expect(sameFactValue('elderly_alone', {}, {})).toBe(true);
  });
});

describe('target templates', () => {
  it('are rules the policy engine checks and compiles', () => {
    for (const template of TARGET_TEMPLATES) expect(checkTargetRule(template.rule), template.label).toEqual([]);
  });

  it('report a problem with its line, column and the engine’s Chinese message', () => {
    expect(checkTargetRule('household.size > 2\n&& household.pets')).toEqual([
      { offset: expect.any(Number), line: 2, column: expect.any(Number), message: expect.stringMatching(/pets/) },
    ]);
  });
});
