/**
 * The seed scenario of the source documents: ten Yinchuan hardship-worker households,
 * 34 members, three in 低保; causes 3 illness/disability, 5 single parent or widowed,
 * 2 education burden; the five named cases (王某, 刘某, 马某, 周某, 袁某).
 * Names are invented; ages are as of 2026-09-01, the school year the stages refer to.
 */
import type { Relationship } from '../registry/households.service.js';
import type { FactKind } from '../registry/facts.js';

export type OrgKey =
  | 'ycUnion' | 'xingqingUnion' | 'xixiaUnion' | 'jinfengUnion' | 'nxDisabled' | 'xixiaDisabled' | 'nxHospital'
  | 'ycEducation' | 'ycCivil' | 'ycMedicalInsurance' | 'lifeInsurer' | 'nxWomen' | 'jinboCommunity' | 'ycHR'
  | 'ycHotline' | 'ycUrban' | 'ycHousing' | 'telecom'
  | 'xqProperty' | 'jfEnforcement' | 'nxSasac' | 'nxBusinessCollege' | 'hlHousing' | 'yzEnforcement';

export const DEMO_ORGS: { key: OrgKey; parent: OrgKey | null; name: string; type: string; regionCode: string }[] = [
  { key: 'ycUnion', parent: null, name: '银川市总工会', type: 'trade_union', regionCode: '640100' },
  { key: 'xingqingUnion', parent: 'ycUnion', name: '兴庆区总工会', type: 'trade_union', regionCode: '640104' },
  { key: 'xixiaUnion', parent: 'ycUnion', name: '西夏区总工会', type: 'trade_union', regionCode: '640105' },
  { key: 'jinfengUnion', parent: 'ycUnion', name: '金凤区总工会', type: 'trade_union', regionCode: '640106' },
  { key: 'nxDisabled', parent: null, name: '宁夏回族自治区残疾人联合会', type: 'disabled_federation', regionCode: '640000' },
  { key: 'xixiaDisabled', parent: 'nxDisabled', name: '西夏区残疾人联合会', type: 'disabled_federation', regionCode: '640105' },
  { key: 'nxHospital', parent: null, name: '宁夏回族自治区人民医院', type: 'hospital', regionCode: '640105' },
  { key: 'ycEducation', parent: null, name: '银川市教育局', type: 'education', regionCode: '640100' },
  { key: 'ycCivil', parent: null, name: '银川市民政局', type: 'civil_affairs', regionCode: '640100' },
  { key: 'ycMedicalInsurance', parent: null, name: '银川市医疗保障局', type: 'medical_insurance', regionCode: '640100' },
  { key: 'lifeInsurer', parent: null, name: '中国人寿银川分公司', type: 'insurer', regionCode: '640100' },
  { key: 'nxWomen', parent: null, name: '宁夏回族自治区妇女联合会', type: 'womens_federation', regionCode: '640000' },
  { key: 'jinboCommunity', parent: null, name: '金波路社区居委会', type: 'community', regionCode: '640105002003' },
  { key: 'ycHR', parent: null, name: '银川市人力资源和社会保障局', type: 'hr_social_security', regionCode: '640100' },
  { key: 'ycHotline', parent: null, name: '银川市12345政务服务便民热线', type: 'government', regionCode: '640100' },
  { key: 'ycUrban', parent: null, name: '银川市城市管理局', type: 'government', regionCode: '640100' },
  { key: 'ycHousing', parent: null, name: '银川市住房和城乡建设局', type: 'government', regionCode: '640100' },
  { key: 'telecom', parent: null, name: '中国电信银川分公司', type: 'enterprise', regionCode: '640100' },
  // The units that answered the six appeals of the seed's 12345 column.
  { key: 'xqProperty', parent: null, name: '兴庆区兴辰物业服务有限公司', type: 'enterprise', regionCode: '640104' },
  { key: 'jfEnforcement', parent: null, name: '金凤区长城中路街道执法中队', type: 'government', regionCode: '640106' },
  { key: 'nxSasac', parent: null, name: '宁夏回族自治区国有资产监督管理委员会', type: 'government', regionCode: '640000' },
  { key: 'nxBusinessCollege', parent: null, name: '宁夏工商职业技术大学', type: 'education', regionCode: '640100' },
  { key: 'hlHousing', parent: null, name: '贺兰县住房和城乡建设局', type: 'government', regionCode: '640122' },
  { key: 'yzEnforcement', parent: null, name: '原州区综合执法局', type: 'government', regionCode: '640402' },
];

/** The city union's partner units: measures of its plans (and its district unions') can be referred to them. */
export const DEMO_PARTNERS: OrgKey[] = ['nxDisabled', 'nxHospital', 'ycEducation', 'ycCivil', 'ycMedicalInsurance', 'lifeInsurer', 'nxWomen', 'jinboCommunity', 'ycHR'];

export interface DemoFact {
  kind: FactKind;
  value: Record<string, unknown>;
  source: string;
  validFrom: string;
}

export interface DemoMember {
  name: string;
  sex: 'M' | 'F';
  birthDate: string;
  relationship: Relationship;
  phone?: string;
  facts?: DemoFact[];
}

export interface DemoHousehold {
  caseName: string;
  cause: 'illness_disability' | 'single_parent_widowed' | 'education_burden';
  org: OrgKey;
  regionCode: string;
  address: string;
  dibao: boolean;
  householdFacts?: DemoFact[];
  members: DemoMember[];
}

const job = (employer: string): DemoFact => ({ kind: 'employment', value: { employer, publicWelfarePost: false }, source: '工会困难职工档案', validFrom: '2020-01-01' });
const school = (stage: string): DemoFact => ({ kind: 'school_stage', value: { stage }, source: '教育部门学籍', validFrom: '2026-09-01' });
const family = (kind: string, validFrom: string): DemoFact => ({ kind: 'special_family', value: { kind }, source: '入户核查', validFrom });

export const DEMO_HOUSEHOLDS: DemoHousehold[] = [
  {
    caseName: '王某', cause: 'illness_disability', org: 'xixiaUnion', regionCode: '640105002003', address: '西夏区北京西路金波路 12 号 3-2-401', dibao: true,
    members: [
      { name: '王建国', sex: 'M', birthDate: '1978-03-14', relationship: 'head', phone: '13909510101', facts: [job('宁夏建工集团')] },
      { name: '李秀兰', sex: 'F', birthDate: '1980-07-22', relationship: 'spouse', phone: '13909510102', facts: [{ kind: 'illness', value: { severity: 'serious', name: '尿毒症' }, source: '自治区人民医院诊断证明', validFrom: '2025-06-10' }] },
      { name: '王浩', sex: 'M', birthDate: '2009-05-02', relationship: 'child', facts: [school('senior_high')] },
      { name: '王欣', sex: 'F', birthDate: '2014-02-18', relationship: 'child', facts: [school('junior_high')] },
    ],
  },
  {
    caseName: '刘某', cause: 'illness_disability', org: 'xixiaUnion', regionCode: '640105002001', address: '西夏区幸福巷 8 号院 2-1-202', dibao: true,
    members: [
      { name: '刘芳', sex: 'F', birthDate: '1984-11-05', relationship: 'head', phone: '13909510201', facts: [{ kind: 'employment', value: { employer: '西夏区北京西路街道', publicWelfarePost: true, postEndDate: '2026-12-31' }, source: '人社局公益性岗位台账', validFrom: '2023-01-01' }] },
      { name: '张志强', sex: 'M', birthDate: '1981-04-09', relationship: 'spouse', facts: [{ kind: 'disability', value: { category: 4, grade: 2, certificateNo: '' }, source: '残联证件库', validFrom: '2019-08-01' }] },
      { name: '张宇轩', sex: 'M', birthDate: '2016-06-30', relationship: 'child', facts: [school('primary')] },
    ],
  },
  {
    caseName: '马某', cause: 'illness_disability', org: 'xingqingUnion', regionCode: '640104006001', address: '兴庆区玉皇阁北街八一巷 5 号 1-302', dibao: false,
    members: [
      { name: '马明', sex: 'M', birthDate: '1987-01-20', relationship: 'head', phone: '13909510301', facts: [job('银川公交集团')] },
      { name: '杨梅', sex: 'F', birthDate: '1989-09-12', relationship: 'spouse', phone: '13909510302' },
      { name: '马小花', sex: 'F', birthDate: '2017-03-08', relationship: 'child', facts: [school('primary'), { kind: 'illness', value: { severity: 'serious', name: '先天性心脏病' }, source: '宁夏医科大学总医院诊断证明', validFrom: '2024-03-01' }] },
      { name: '马小军', sex: 'M', birthDate: '2021-10-15', relationship: 'child', facts: [school('preschool')] },
    ],
  },
  {
    caseName: '周某', cause: 'single_parent_widowed', org: 'jinfengUnion', regionCode: '640106005002', address: '金凤区上海西路清水湾小区 7-2-101', dibao: false,
    householdFacts: [family('single_parent', '2021-05-01')],
    members: [
      { name: '周红', sex: 'F', birthDate: '1988-08-08', relationship: 'head', phone: '13909510401', facts: [job('宁夏新百超市')] },
      { name: '周子豪', sex: 'M', birthDate: '2015-04-21', relationship: 'child', facts: [school('primary')] },
      { name: '周雨', sex: 'F', birthDate: '2010-01-11', relationship: 'child', facts: [school('senior_high')] },
    ],
  },
  {
    caseName: '袁某', cause: 'education_burden', org: 'xingqingUnion', regionCode: '640104003001', address: '兴庆区文化街山河湾小区 3-1-502', dibao: false,
    members: [
      { name: '袁卫东', sex: 'M', birthDate: '1976-12-03', relationship: 'head', phone: '13909510501', facts: [job('宁夏化工厂')] },
      { name: '袁博', sex: 'M', birthDate: '2006-07-19', relationship: 'child', facts: [school('college')] },
      { name: '张桂芳', sex: 'F', birthDate: '1950-02-27', relationship: 'parent' },
    ],
  },
  {
    caseName: '赵某', cause: 'single_parent_widowed', org: 'jinfengUnion', regionCode: '640106002001', address: '金凤区黄河东路金家巷 16 号 2-301', dibao: true,
    householdFacts: [family('widowed', '2022-11-20')],
    members: [
      { name: '赵丽娟', sex: 'F', birthDate: '1985-06-16', relationship: 'head', phone: '13909510601', facts: [job('银川市环卫服务中心')] },
      { name: '赵一鸣', sex: 'M', birthDate: '2012-09-25', relationship: 'child', facts: [school('junior_high')] },
      { name: '赵一诺', sex: 'F', birthDate: '2018-04-04', relationship: 'child', facts: [school('primary')] },
    ],
  },
  {
    caseName: '孙某', cause: 'single_parent_widowed', org: 'xixiaUnion', regionCode: '640105001003', address: '西夏区西花园路青山巷 21 号 1-101', dibao: false,
    householdFacts: [family('single_parent', '2020-03-15')],
    members: [
      { name: '孙海燕', sex: 'F', birthDate: '1990-10-30', relationship: 'head', phone: '13909510701', facts: [job('宁夏西部电商产业园')] },
      { name: '孙浩然', sex: 'M', birthDate: '2013-03-17', relationship: 'child', facts: [school('junior_high')] },
      { name: '单桂英', sex: 'F', birthDate: '1960-05-05', relationship: 'parent' },
    ],
  },
  {
    caseName: '李某', cause: 'single_parent_widowed', org: 'xingqingUnion', regionCode: '640104006003', address: '兴庆区高台寺路 9 号 4-2-601', dibao: false,
    householdFacts: [family('widowed', '2019-09-09')],
    members: [
      { name: '李强', sex: 'M', birthDate: '1979-08-21', relationship: 'head', phone: '13909510801', facts: [job('宁夏电力检修公司')] },
      { name: '李婷', sex: 'F', birthDate: '2007-11-02', relationship: 'child', facts: [school('college')] },
      { name: '曾玉兰', sex: 'F', birthDate: '1954-12-12', relationship: 'parent', facts: [{ kind: 'elderly_alone', value: {}, source: '社区走访', validFrom: '2024-01-01' }] },
    ],
  },
  {
    caseName: '何某', cause: 'education_burden', org: 'jinfengUnion', regionCode: '640106005003', address: '金凤区银新苑南区 11-1-302', dibao: false,
    members: [
      { name: '何建军', sex: 'M', birthDate: '1977-05-28', relationship: 'head', phone: '13909510901', facts: [job('银川市政工程公司')] },
      { name: '田小燕', sex: 'F', birthDate: '1980-02-14', relationship: 'spouse', phone: '13909510902' },
      { name: '何佳', sex: 'F', birthDate: '2007-03-30', relationship: 'child', facts: [school('college')] },
      { name: '何磊', sex: 'M', birthDate: '2010-08-09', relationship: 'child', facts: [school('vocational')] },
      { name: '何鑫', sex: 'M', birthDate: '2014-01-06', relationship: 'child', facts: [school('junior_high')] },
    ],
  },
  {
    caseName: '吴某', cause: 'single_parent_widowed', org: 'xixiaUnion', regionCode: '640105002002', address: '西夏区星光巷 3 号 2-2-201', dibao: false,
    householdFacts: [family('single_parent', '2022-07-01')],
    members: [
      { name: '吴秀梅', sex: 'F', birthDate: '1986-04-19', relationship: 'head', phone: '13909511001', facts: [job('西夏区万达广场物业')] },
      { name: '吴悦', sex: 'F', birthDate: '2009-12-24', relationship: 'child', facts: [school('senior_high')] },
      { name: '吴晨', sex: 'M', birthDate: '2021-06-01', relationship: 'child', facts: [school('preschool')] },
    ],
  },
];

export const DEMO_PASSWORD = 'Huimin-demo-2026';

export const DEMO_USERS: { username: string; displayName: string; org: OrgKey; roles: string[]; regionCode?: string; phone?: string }[] = [
  { username: 'caseworker', displayName: '银川市总工会 帮扶干部 陈静', org: 'ycUnion', roles: ['caseworker'], phone: '13909510001' },
  { username: 'xixia', displayName: '西夏区总工会 帮扶干部 马涛', org: 'xixiaUnion', roles: ['caseworker'], phone: '13909510002' },
  { username: 'grid', displayName: '金波路社区 网格员 谈静美', org: 'jinboCommunity', roles: ['grid_worker'], regionCode: '640105002003' },
  { username: 'hospital', displayName: '自治区人民医院 社工 李医生', org: 'nxHospital', roles: ['partner'] },
  { username: 'medins', displayName: '银川市医保局 医疗救助科 赵敏', org: 'ycMedicalInsurance', roles: ['partner'] },
  { username: 'cdpf', displayName: '西夏区残联 康复专干 杨帆', org: 'xixiaDisabled', roles: ['partner'] },
  { username: 'hotline', displayName: '12345热线 话务员 张敏', org: 'ycHotline', roles: ['hotline'] },
  { username: 'urban', displayName: '银川市城管局 诉求专员 刘洋', org: 'ycUrban', roles: ['partner'] },
  { username: 'leader', displayName: '银川市总工会 领导', org: 'ycUnion', roles: ['leader'] },
  { username: 'auditor', displayName: '审计员', org: 'ycUnion', roles: ['auditor'] },
  { username: 'policy', displayName: '银川市总工会 政策管理员', org: 'ycUnion', roles: ['policy_admin'] },
  { username: 'finance', displayName: '银川市总工会 财务 王会计', org: 'ycUnion', roles: ['finance'] },
];
