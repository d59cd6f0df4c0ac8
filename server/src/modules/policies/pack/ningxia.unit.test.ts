import { describe, expect, it } from 'vitest';
import { DEMO_ORGS } from '../../seed/demo-data.js';
import { checkRules } from '../compile.js';
import { benefitToCel } from '../rules/benefit.js';
import { lowerRule, ParamSink } from '../rules/lower.js';
import { parseRule } from '../rules/parse.js';
import { BOOL, INT } from '../rules/subject.js';
import { NINGXIA_POLICY_PACK } from './ningxia.js';

const ALIASES = { person: 'p', household: 'h', personTable: 'subj_person' };

describe('the Ningxia policy pack as data', () => {
  it('has every programme of the seed documents', () => {
    const names = NINGXIA_POLICY_PACK.map((e) => e.version.nameZh);
    for (const programme of [
      '生活救助', '助学救助', '医疗救助', '工会暖心卡', '取暖补贴', '水电气暖物业补助', '义务教育阶段助学', '金秋助学',
      '在职职工医疗互助保障', '重大疾病互助保障', '困难残疾人生活补贴', '重度残疾人护理补贴',
    ]) {
      expect(names.some((n) => n.startsWith(programme)), programme).toBe(true);
    }
    expect(NINGXIA_POLICY_PACK.length).toBeGreaterThanOrEqual(12);
    expect(NINGXIA_POLICY_PACK.length).toBeLessThanOrEqual(20);
  });

  it('gives each policy a unique lower-case slug and an owner that the demo seed creates', () => {
    const codes = NINGXIA_POLICY_PACK.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    const orgs = new Set(DEMO_ORGS.map((o) => o.name));
    for (const e of NINGXIA_POLICY_PACK) {
      expect(e.code).toMatch(/^nx-[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(orgs.has(e.orgName), e.orgName).toBe(true);
    }
  });

  it('splits every policy’s funding into shares that add up to 10000 bp', () => {
    for (const { code, version } of NINGXIA_POLICY_PACK) {
      expect(version.funding.length, code).toBeGreaterThan(0);
      expect(version.funding.reduce((sum, f) => sum + f.shareBp, 0), code).toBe(10000);
      for (const f of version.funding) expect(Number.isInteger(f.shareBp) && f.shareBp > 0 && f.source !== '', code).toBe(true);
    }
  });

  it('fills every version field the catalogue shows', () => {
    for (const { code, version } of NINGXIA_POLICY_PACK) {
      expect(version.nameZh && version.nameEn && version.note, code).toBeTruthy();
      expect(['person', 'household']).toContain(version.target);
      expect(['monthly', 'yearly', 'once']).toContain(version.period);
      expect(version.effectiveFrom, code).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(version.effectiveTo).toBeNull();
    }
  });

  it('writes every eligibility rule as a bool and every amount as an int the checker accepts', () => {
    for (const { code, version } of NINGXIA_POLICY_PACK) {
      const eligibility = lowerRule(parseRule(version.eligibility), BOOL, ALIASES, new ParamSink());
      expect(eligibility.type, code).toEqual(BOOL);
      const amount = lowerRule(parseRule(benefitToCel(version.benefit)), INT, ALIASES, new ParamSink());
      expect(amount.type, code).toEqual(INT);
      // And the save path, which checks both rules together, accepts the version as shipped.
      expect(checkRules({ eligibility: version.eligibility, benefit: version.benefit }).problems, code).toEqual([]);
    }
  });
});
