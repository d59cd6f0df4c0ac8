import { describe, expect, it } from 'vitest';
import { visitDescription, visitFill } from './visit-prefill';

describe('visitDescription', () => {
  it('joins the findings and every need noted, one a line, leaving out what is blank', () => {
    const needs = [{ need: 'housing', note: '屋顶漏雨', measureId: null }, { need: 'other', note: '  ', measureId: null }, { need: 'medical', note: null, measureId: 3 }];
    expect(visitDescription({ findings: ' 楼道灯坏了 ', needs })).toBe('楼道灯坏了\n屋顶漏雨');
    expect(visitDescription({ findings: null, needs: [] })).toBe('');
  });

  it('fills the form with the description and where the household lives', () => {
    expect(visitFill({ findings: '下水道堵塞', needs: [], address: '金波路 12 号', regionCode: '640105002003' }))
      .toEqual({ description: '下水道堵塞', address: '金波路 12 号', regionCode: '640105002003' });
    expect(visitFill({ findings: '下水道堵塞', needs: [], address: null, regionCode: null })).toEqual({ description: '下水道堵塞', address: undefined, regionCode: undefined });
  });
});
