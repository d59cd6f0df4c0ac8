/** 新增资金来源 and 设置预算 (a source's budget for a year and region, typed in yuan). */
import { AutoComplete, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { FUNDING_SOURCE_KIND_LABELS, type FundingSourceKind } from '@contracts/benefits';
import { FormModal } from '@/components/FormModal';
import { OrganisationTreeSelect } from '@/components/OrganisationTreeSelect';
import { RegionTreeSelect } from '@/components/RegionTreeSelect';
import { dayjs } from '@/lib/dayjs';
import { useT } from '@/lib/i18n';
import { fenToYuanText, parseYuan, yuanRule } from '@/features/benefits/yuan';
import { createFundingSource, setBudget, type BudgetUse, type FundingSource } from './payments.api';

export function SourceModal({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const t = useT();
  return (
    <FormModal<{ name: string; kind: FundingSourceKind; orgId?: number }>
      title={t('新增资金来源')} okText={t('保存')} onClose={onClose} initialValues={{ kind: 'union' }}
      onSubmit={async (v) => { await createFundingSource({ name: v.name.trim(), kind: v.kind, orgId: v.orgId ?? null }); onSaved(); }}
    >
      <Form.Item name="name" label={t('名称')} rules={[{ required: true, whitespace: true, message: t('请填写资金来源名称') }]}>
        <Input maxLength={100} placeholder={t('如：金凤区总工会')} />
      </Form.Item>
      <Form.Item name="kind" label={t('类别')} rules={[{ required: true }]}>
        <Select options={Object.entries(FUNDING_SOURCE_KIND_LABELS).map(([value, label]) => ({ value, label: t(label) }))} />
      </Form.Item>
      <Form.Item name="orgId" label={t('管理单位（可不填）')}>
        <OrganisationTreeSelect />
      </Form.Item>
    </FormModal>
  );
}

interface BudgetValues {
  source: string;
  year: Dayjs;
  regionCode: string;
  budget: string;
}

/** Sets (or changes, when `budget` is given) a budget; the year defaults to the page's. */
export function BudgetModal({ sources, year, budget, onClose, onSaved }: {
  sources: FundingSource[]; year: number; budget?: BudgetUse; onClose: () => void; onSaved: () => void;
}) {
  const t = useT();
  return (
    <FormModal<BudgetValues>
      title={t('设置预算')} okText={t('保存')} onClose={onClose}
      initialValues={{ source: budget?.source, year: dayjs(`${budget?.year ?? year}-01-01`), regionCode: budget?.regionCode, budget: budget ? fenToYuanText(budget.budgetFen) : undefined }}
      onSubmit={async (v) => {
        await setBudget({ source: v.source.trim(), year: v.year.year(), regionCode: v.regionCode, budgetFen: parseYuan(v.budget)! });
        onSaved();
      }}
    >
      <Form.Item name="source" label={t('资金来源')} rules={[{ required: true, whitespace: true, message: t('请填写资金来源') }]}>
        <AutoComplete options={sources.map((s) => ({ value: s.name }))} showSearch={{ filterOption: (input, o) => String(o?.value ?? '').includes(input) }} />
      </Form.Item>
      <Form.Item name="year" label={t('年度')} rules={[{ required: true, message: t('请选择年度') }]}>
        <DatePicker picker="year" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="regionCode" label={t('区划')} rules={[{ required: true, message: t('请选择区划') }]} extra={t('预算覆盖该区划及其下级')}>
        <RegionTreeSelect />
      </Form.Item>
      <Form.Item name="budget" label={t('年度预算（元）')} rules={[yuanRule(t, { allowZero: true })]}>
        <Input inputMode="decimal" suffix={t('元')} />
      </Form.Item>
    </FormModal>
  );
}
