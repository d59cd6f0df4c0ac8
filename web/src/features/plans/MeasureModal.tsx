/**
 * 添加措施: type, what, for whom, the responsible unit (within the plan owner's reach) and a
 * deadline; the fast channel needs the hospital, the medical-insurance contact and a deadline
 * within three working days; a measure that pays money names its policy, amount and funders,
 * which must add up — checked here as the user types and again by the server.
 */
import { Alert, DatePicker, Form, Input, Select, Switch } from 'antd';
import chineseDays from 'chinese-days';
import type { Dayjs } from 'dayjs';
import { FormModal } from '@/components/FormModal';
import { FundingSplitFields, type SplitRow } from '@/features/benefits/FundingSplitFields';
import { parseYuan, yuanRule } from '@/features/benefits/yuan';
import { listPolicies } from '@/features/policies/policies.api';
import { dayjs } from '@/lib/dayjs';
import { useT } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { addMeasure, FAST_CHANNEL_WORKDAYS, MEASURE_TYPES, reachOf, type MeasureInput, type MeasureType } from './plans.api';

interface Values {
  type: MeasureType;
  title: string;
  detail?: string;
  personId?: number;
  responsibleOrgId: number;
  responsiblePerson?: string;
  ccOrgIds?: number[];
  deadline: Dayjs;
  pays?: boolean;
  policyCode?: string;
  amount?: string;
  funding?: SplitRow[];
}

const fastChannelLimit = () => chineseDays.findWorkday(FAST_CHANNEL_WORKDAYS, dayjs().format('YYYY-MM-DD'));

export function MeasureModal({ planId, ownerOrgId, members, onClose, onSaved, submit: save, initial }: {
  planId: number; ownerOrgId: number; members: Array<{ id: number; name: string }>; onClose: () => void; onSaved: () => void;
  /** Saves the measure another way (a visit's need becoming a measure) instead of adding it to the plan directly. */
  submit?: (input: MeasureInput) => Promise<void>;
  /** Prefilled fields, e.g. the type and title guessed from a need found on a visit. */
  initial?: Partial<Values>;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form);
  const pays = Form.useWatch('pays', form);
  const amount = Form.useWatch('amount', form);
  const { data: reach, loading } = useRequest((signal) => reachOf(ownerOrgId, signal), [ownerOrgId]);
  const { data: policies } = useRequest((signal) => listPolicies(signal), []);
  const orgOptions = (reach ?? []).map((o) => ({ value: o.id, label: o.name }));
  const fast = type === 'serious_illness';
  const canPay = type ? MEASURE_TYPES[type].pays : false;

  const submit = async (v: Values) => {
    const payment = canPay && v.pays
      ? { policyCode: v.policyCode!, amountFen: parseYuan(v.amount) ?? 0, funding: (v.funding ?? []).filter((r) => r.source?.trim()).map((r) => ({ source: r.source!.trim(), amountFen: parseYuan(r.amount) ?? 0 })) }
      : undefined;
    const input: MeasureInput = {
      type: v.type, title: v.title.trim(), detail: v.detail?.trim() || null, personId: v.personId ?? null, responsibleOrgId: v.responsibleOrgId,
      responsiblePerson: v.responsiblePerson?.trim() || null, ccOrgIds: v.ccOrgIds ?? [], deadline: v.deadline.format('YYYY-MM-DD'), payment,
    };
    if (save) await save(input);
    else await addMeasure(planId, input);
    onSaved();
  };

  return (
    <FormModal<Values> title={t('添加措施')} okText={t('保存')} form={form} onClose={onClose} onSubmit={submit} width={680}
      initialValues={{ responsibleOrgId: ownerOrgId, deadline: dayjs().add(30, 'day'), pays: false, ...initial }}
      formProps={{ onValuesChange: (changed: Partial<Values>) => { if (changed.type === 'serious_illness') form.setFieldValue('deadline', dayjs(fastChannelLimit())); } }}>
      <Form.Item name="type" label={t('措施类型')} rules={[{ required: true, message: t('请选择措施类型') }]}>
        <Select options={Object.entries(MEASURE_TYPES).map(([value, m]) => ({ value, label: t(m.label) }))} />
      </Form.Item>
      {fast && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }}
          title={t('大病罕见病快速通道：责任单位须为医院，并抄送医保局；{n} 个工作日内办结，保存后立即通知医院和医保联系人。', { n: FAST_CHANNEL_WORKDAYS })} />
      )}
      <Form.Item name="title" label={t('措施内容')} rules={[{ required: true, whitespace: true, message: t('请填写措施内容') }]}>
        <Input maxLength={100} placeholder={t('如：协调就近入学、专家会诊')} />
      </Form.Item>
      <Form.Item name="personId" label={t('帮扶对象')}>
        <Select allowClear placeholder={t('全户')} options={members.map((m) => ({ value: m.id, label: m.name }))} />
      </Form.Item>
      <Form.Item name="responsibleOrgId" label={t('责任单位')} rules={[{ required: true, message: t('请选择责任单位') }]}
        extra={t('可选本单位及下级、合作单位；其他单位须先建立合作关系。非本单位承办的措施将转介到对方待办。')}>
        <Select showSearch={{ optionFilterProp: 'label' }} loading={loading} options={orgOptions} />
      </Form.Item>
      <Form.Item name="responsiblePerson" label={t('联系人（可不填）')}><Input maxLength={100} /></Form.Item>
      <Form.Item name="ccOrgIds" label={t('抄送单位')} rules={fast ? [{ required: true, message: t('快速通道须抄送医保局') }] : []}>
        <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} options={orgOptions} />
      </Form.Item>
      <Form.Item name="deadline" label={t('完成期限')} rules={[{ required: true, message: t('请选择完成期限') }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day') || (fast && d.isAfter(dayjs(fastChannelLimit()), 'day'))} />
      </Form.Item>
      <Form.Item name="detail" label={t('说明（可不填）')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
      {canPay && (
        <Form.Item name="pays" label={t('发放资金')} valuePropName="checked"><Switch /></Form.Item>
      )}
      {canPay && pays && (
        <>
          <Form.Item name="policyCode" label={t('依据政策（一次性救助）')} rules={[{ required: true, message: t('请选择政策') }]}>
            <Select showSearch={{ optionFilterProp: 'label' }}
              options={(policies ?? []).filter((p) => p.period === 'once' && p.activeVersion !== null).map((p) => ({ value: p.code, label: p.nameZh }))} />
          </Form.Item>
          <Form.Item name="amount" label={t('金额（元）')} rules={[yuanRule(t)]}><Input inputMode="decimal" suffix={t('元')} /></Form.Item>
          <FundingSplitFields totalFen={parseYuan(amount)} />
        </>
      )}
    </FormModal>
  );
}
