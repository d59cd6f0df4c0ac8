/** The value fields of each kind of fact, named value.* as the server names its problems. */
import { Alert, DatePicker, Form, Input, InputNumber, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useT } from '@/lib/i18n';
import {
  ASSISTANCE_STATUSES, DISABILITY_CATEGORIES, HARDSHIP_WORKER_CATEGORIES, DISABILITY_GRADES, ILLNESS_SEVERITIES, INCAPACITY_LEVELS,
  optionsOf, SCHOOL_STAGES, SPECIAL_FAMILY_KINDS, type FactKind,
} from '../labels';

function Choice({ name, label, table }: { name: string; label: string; table: Record<string | number, string> }) {
  const t = useT();
  return (
    <Form.Item name={['value', name]} label={t(label)} rules={[{ required: true, message: t('请选择{label}', { label: t(label) }) }]}>
      <Select options={optionsOf(table, t)} placeholder={t('请选择')} />
    </Form.Item>
  );
}

export function FactValueFields({ kind }: { kind: FactKind | undefined }) {
  const t = useT();
  const publicPost = Form.useWatch(['value', 'publicWelfarePost']);
  switch (kind) {
    case 'assistance_status':
      return <Choice name="status" label="救助身份" table={ASSISTANCE_STATUSES} />;
    case 'hardship_worker':
      return <Choice name="category" label="困难职工类别" table={HARDSHIP_WORKER_CATEGORIES} />;
    case 'special_family':
      return <Choice name="kind" label="特殊家庭类型" table={SPECIAL_FAMILY_KINDS} />;
    case 'disability':
      return (
        <>
          <Choice name="category" label="残疾类别" table={DISABILITY_CATEGORIES} />
          <Choice name="grade" label="残疾等级" table={DISABILITY_GRADES} />
          <Form.Item name={['value', 'certificateNo']} label={t('残疾证号')} extra={t('20 位：本人身份证号 + 类别 + 等级')} rules={[{ required: true, message: t('请输入残疾证号') }]}>
            <Input maxLength={20} className="mono" />
          </Form.Item>
        </>
      );
    case 'illness':
      return (
        <>
          <Choice name="severity" label="重病/慢病" table={ILLNESS_SEVERITIES} />
          <Form.Item name={['value', 'name']} label={t('疾病名称')} rules={[{ required: true, whitespace: true, message: t('请输入疾病名称') }]}>
            <Input maxLength={100} />
          </Form.Item>
        </>
      );
    case 'incapacitated':
      return <Choice name="level" label="失能程度" table={INCAPACITY_LEVELS} />;
    case 'school_stage':
      return <Choice name="stage" label="在学阶段" table={SCHOOL_STAGES} />;
    case 'income':
      // Entered in yuan, stored in fen.
      return (
        <Form.Item
          name={['value', 'monthlyFen']}
          label={t('家庭月收入（元）')}
          rules={[{ required: true, message: t('请输入家庭月收入') }]}
          normalize={(yuan: number | null) => (yuan === null || yuan === undefined ? yuan : Math.round(yuan * 100))}
          getValueProps={(fen: number | undefined) => ({ value: fen === undefined || fen === null ? fen : fen / 100 })}
        >
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
      );
    case 'employment':
      return (
        <>
          <Form.Item name={['value', 'employer']} label={t('工作单位')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name={['value', 'publicWelfarePost']} label={t('公益性岗位')} valuePropName="checked" initialValue={false}>
            <Switch checkedChildren={t('是')} unCheckedChildren={t('否')} />
          </Form.Item>
          {publicPost && (
            <Form.Item name={['value', 'postEndDate']} label={t('岗位到期日期')} rules={[{ required: true, message: t('公益性岗位须填写到期日期') }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          )}
        </>
      );
    case 'elderly_alone':
      return <Alert type="info" showIcon title={t('记录此人为独居老人，无需其他内容。')} style={{ marginBottom: 16 }} />;
    default:
      return null;
  }
}

/** The form's value as the API wants it: numbers, booleans and YYYY-MM-DD dates. */
export function factValueFromForm(kind: FactKind, value: Record<string, unknown> = {}): Record<string, unknown> {
  switch (kind) {
    case 'disability':
      return { category: Number(value.category), grade: Number(value.grade), certificateNo: String(value.certificateNo ?? '').trim() };
    case 'employment': {
      const post = value.publicWelfarePost === true;
      const result: Record<string, unknown> = { publicWelfarePost: post };
      if (typeof value.employer === 'string' && value.employer.trim()) result.employer = value.employer.trim();
      if (post && value.postEndDate) result.postEndDate = (value.postEndDate as Dayjs).format('YYYY-MM-DD');
      return result;
    }
    case 'illness':
      return { severity: value.severity, name: String(value.name ?? '').trim() };
    default:
      return { ...value };
  }
}
