/**
 * 发起申请: from a candidate list (policy and subject given) or from a household's 待遇 tab
 * (choose the policy and, for a personal benefit, the member). The start date defaults to the
 * first day of this month; a one-off grant takes its amount, what is given in kind and an
 * optional split by source. When the rule says not eligible, the server asks for a reason.
 */
import { Alert, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { EnrollmentDetail } from '@contracts/benefits';
import type { PolicySummary } from '@contracts/policies';
import { FormModal } from '@/components/FormModal';
import { dayjs } from '@/lib/dayjs';
import { useT } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { listPolicies } from '@/features/policies/policies.api';
import { applyForBenefit } from './benefits.api';
import { FundingSplitFields, splitWeights, type SplitRow } from './FundingSplitFields';
import { parseYuan, yuanRule } from './yuan';

/** A candidate's policy and subject, fixed in the form. */
export interface ApplicationPreset {
  policyCode: string;
  policyName: string;
  personId: number | null;
  subject: string;
  candidateId?: number;
  /** What the rule said; when not eligible the reason is required. */
  eligible: boolean;
  detail?: string;
}

interface Values {
  policyCode?: string;
  personId?: number;
  startedOn: Dayjs;
  amount?: string;
  inKind?: string;
  funding?: SplitRow[];
  reason?: string;
}

interface Props {
  householdId: number;
  preset?: ApplicationPreset;
  /** The household's members, for a personal benefit chosen on the household page. */
  members?: { id: number; name: string }[];
  onClose: () => void;
  onApplied: (enrollment: EnrollmentDetail) => void;
}

export const firstOfMonth = () => dayjs().startOf('month');

export function ApplicationModal({ householdId, preset, members = [], onClose, onApplied }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const { data: policies, loading } = useRequest((signal) => (preset ? Promise.resolve([]) : listPolicies(signal)), [!!preset]);
  const code = Form.useWatch('policyCode', form);
  const amount = Form.useWatch('amount', form);
  const policy: PolicySummary | undefined = (policies ?? []).find((p) => p.code === code);
  const once = policy?.period === 'once';

  const submit = async (values: Values) => {
    const amountFen = once ? parseYuan(values.amount) : null;
    onApplied(await applyForBenefit({
      policyCode: preset?.policyCode ?? values.policyCode!,
      householdId,
      personId: preset ? preset.personId : policy?.target === 'person' ? (values.personId ?? null) : null,
      startedOn: values.startedOn.format('YYYY-MM-DD'),
      reason: values.reason?.trim() || null,
      candidateId: preset?.candidateId ?? null,
      ...(once ? { amountFen, inKind: values.inKind?.trim() || null, funding: splitWeights(values.funding) } : {}),
    }));
  };

  const reasonLabel = preset ? (preset.eligible ? t('备注（可不填）') : t('申请理由')) : t('申请理由');
  return (
    <FormModal<Values>
      title={preset ? t('发起申请') : t('申请待遇')}
      okText={t('确定')}
      form={form}
      onClose={onClose}
      onSubmit={submit}
      width={560}
      initialValues={{ startedOn: firstOfMonth() }}
      notice={preset && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`${preset.policyName} · ${preset.subject}`} description={preset.detail} />}
    >
      {!preset && (
        <Form.Item name="policyCode" label={t('政策')} rules={[{ required: true, message: t('请选择政策') }]}>
          <Select loading={loading} showSearch={{ optionFilterProp: 'label' }} placeholder={t('选择政策')}
            options={(policies ?? []).filter((p) => p.activeVersion !== null).map((p) => ({ value: p.code, label: p.nameZh }))} />
        </Form.Item>
      )}
      {!preset && policy?.target === 'person' && (
        <Form.Item name="personId" label={t('享受对象')} rules={[{ required: true, message: t('请选择享受对象') }]}>
          <Select placeholder={t('选择家庭成员')} options={members.map((m) => ({ value: m.id, label: m.name }))} />
        </Form.Item>
      )}
      <Form.Item name="startedOn" label={t('开始日期')} rules={[{ required: true, message: t('请选择日期') }]}
        extra={t('早于本月的开始日期将在下一次发放时补发')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      {once && (
        <>
          <Form.Item name="amount" label={t('救助金额（元）')} rules={[yuanRule(t, { required: false })]} extra={t('不填则按政策标准')}>
            <Input inputMode="decimal" suffix={t('元')} />
          </Form.Item>
          <Form.Item name="inKind" label={t('实物（可不填）')}>
            <Input maxLength={200} placeholder={t('如：米面油一份')} />
          </Form.Item>
          <FundingSplitFields totalFen={parseYuan(amount)} />
        </>
      )}
      <Form.Item name="reason" label={reasonLabel} extra={preset ? undefined : t('按政策规则不符合条件时必须填写')}
        rules={preset && !preset.eligible ? [{ required: true, whitespace: true, message: t('请填写申请理由') }] : []}>
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}
