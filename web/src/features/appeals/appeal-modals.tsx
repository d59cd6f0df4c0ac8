/**
 * The dialogs of an appeal's steps that need more than a reason: dispatch (unit and, when the
 * catalogue has none for it, a limit), transfer, uphold a return (another unit), approve a reply
 * (with the plain-words question and answer for the public digest), the satisfaction call, and
 * merging into another appeal. Server problems land under the fields they name (FormModal).
 */
import { Alert, Form, Input, InputNumber, Radio, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { FormModal } from '@/components/FormModal';
import { OrganisationTreeSelect } from '@/components/OrganisationTreeSelect';
import { useT } from '@/lib/i18n';
import {
  approveReply, arbitrateReturn, dispatchAppeal, draftReply, listAppeals, mergeAppeal, recordSatisfaction, transferAppeal,
  LIMIT_UNITS, SATISFACTION, type Appeal, type AppealDetail, type LimitUnit, type Satisfaction,
} from './appeals.api';

export interface StepProps<A extends Appeal = AppealDetail> {
  appeal: A;
  onClose: () => void;
  onDone: (appeal: AppealDetail) => void;
}

const required = (message: string) => [{ required: true, message }];
const text = (message: string) => [{ required: true, whitespace: true, message }];

function LimitFields() {
  const t = useT();
  return (
    <Form.Item label={t('办理时限（派单目录中没有该单位时必填）')}>
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item name={['limit', 'amount']} noStyle><InputNumber min={1} max={720} precision={0} style={{ width: '50%' }} aria-label={t('时限')} /></Form.Item>
        <Form.Item name={['limit', 'unit']} noStyle>
          <Select style={{ width: '50%' }} aria-label={t('时限单位')} options={Object.entries(LIMIT_UNITS).map(([value, label]) => ({ value, label: t(label) }))} />
        </Form.Item>
      </Space.Compact>
    </Form.Item>
  );
}

export function DispatchModal({ appeal, onClose, onDone }: StepProps) {
  const t = useT();
  return (
    <FormModal<{ orgId: number; limit?: { amount?: number; unit: LimitUnit }; note?: string }> title={t('派单')} okText={t('派单')} onClose={onClose}
      initialValues={{ limit: { unit: 'workdays' } }}
      onSubmit={async (v) => {
        const limit = v.limit?.amount ? { amount: v.limit.amount, unit: v.limit.unit } : undefined;
        onDone(await dispatchAppeal(appeal.id, { orgId: v.orgId, limit, note: v.note?.trim() || null }));
      }}>
      <Form.Item name="orgId" label={t('承办单位')} rules={required(t('请选择承办单位'))}><OrganisationTreeSelect /></Form.Item>
      <LimitFields />
      <Form.Item name="note" label={t('派单说明（可不填）')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
    </FormModal>
  );
}

export function TransferModal({ appeal, onClose, onDone }: StepProps) {
  const t = useT();
  return (
    <FormModal<{ orgId: number; note: string }> title={t('转办')} okText={t('转办')} onClose={onClose}
      notice={<Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('转给明确负责的单位；办理时限从首次派单起算，不重新计时。')} />}
      onSubmit={async (v) => onDone(await transferAppeal(appeal.id, { orgId: v.orgId, note: v.note.trim() }))}>
      <Form.Item name="orgId" label={t('转给单位')} rules={required(t('请选择承办单位'))}><OrganisationTreeSelect /></Form.Item>
      <Form.Item name="note" label={t('转办理由')} rules={text(t('请填写原因'))}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
    </FormModal>
  );
}

/** 退单成立: the return is right, the appeal goes to another unit (the catalogue's limit for it, else the one it had). */
export function UpholdModal({ appeal, onClose, onDone }: StepProps<Appeal>) {
  const t = useT();
  return (
    <FormModal<{ orgId: number; note: string }> title={t('退单成立，改派')} okText={t('改派')} onClose={onClose}
      notice={<Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('{org} 退回诉求 {number}', { org: appeal.responsibleOrgName ?? '', number: appeal.number })} />}
      onSubmit={async (v) => onDone(await arbitrateReturn(appeal.id, { upheld: true, orgId: v.orgId, note: v.note.trim() }))}>
      <Form.Item name="orgId" label={t('改派给')} rules={required(t('请选择承办单位'))}><OrganisationTreeSelect /></Form.Item>
      <Form.Item name="note" label={t('仲裁意见')} rules={text(t('请填写仲裁意见'))}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
    </FormModal>
  );
}

export function ReplyModal({ appeal, onClose, onDone }: StepProps) {
  const t = useT();
  return (
    <FormModal<{ reply: string }> title={t('拟写答复')} okText={t('提交审核')} onClose={onClose} width={640}
      initialValues={{ reply: appeal.replyText ?? '' }}
      notice={<Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('答复提交 12345 中心审核，审核期间暂停计时；公开版本由中心审核时填写。')} />}
      onSubmit={async (v) => onDone(await draftReply(appeal.id, v.reply.trim()))}>
      <Form.Item name="reply" label={t('答复内容')} rules={text(t('请填写答复内容'))}>
        <Input.TextArea rows={6} maxLength={4000} showCount placeholder={t('向来电人说明办理结果')} />
      </Form.Item>
    </FormModal>
  );
}

interface ApproveValues {
  publish: boolean;
  publicQuestion?: string;
  publicAnswer?: string;
}

/** 审核通过: optionally published, with the question and answer in plain words and no personal data. */
export function ApproveModal({ appeal, onClose, onDone }: StepProps) {
  const t = useT();
  const [form] = Form.useForm<ApproveValues>();
  const publish = Form.useWatch('publish', form) ?? true;
  return (
    <FormModal<ApproveValues> form={form} title={t('审核答复')} okText={t('审核通过')} onClose={onClose} width={640}
      initialValues={{ publish: true, publicQuestion: appeal.publicQuestion ?? '', publicAnswer: appeal.publicAnswer ?? appeal.replyText ?? '' }}
      notice={<Alert type="info" showIcon style={{ marginBottom: 16 }} title={<><Typography.Text strong>{t('答复内容')}：</Typography.Text>{appeal.replyText}</>} />}
      onSubmit={async (v) => onDone(await approveReply(appeal.id, {
        publish: v.publish, publicQuestion: v.publicQuestion?.trim() || null, publicAnswer: v.publicAnswer?.trim() || null,
      }))}>
      <Form.Item name="publish" label={t('公开发布')} valuePropName="checked"><Switch /></Form.Item>
      <Form.Item name="publicQuestion" label={t('群众反映（公开）')} rules={publish ? text(t('公开发布须填写群众反映')) : []}
        extra={t('用平实的话概括诉求，不得包含姓名、电话、身份证号')}>
        <Input.TextArea rows={2} maxLength={500} showCount />
      </Form.Item>
      <Form.Item name="publicAnswer" label={t('办理结果（公开）')} rules={publish ? text(t('公开发布须填写办理结果')) : []}>
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
    </FormModal>
  );
}

export function SatisfactionModal({ appeal, onClose, onDone }: StepProps) {
  const t = useT();
  const [form] = Form.useForm<{ value: Satisfaction; note?: string }>();
  const value = Form.useWatch('value', form);
  return (
    <FormModal<{ value: Satisfaction; note?: string }> form={form} title={t('满意度回访')} okText={t('记录回访')} onClose={onClose}
      notice={<Typography.Paragraph type="secondary">{t('满意或未接通即办结；不满意须记录原因，诉求退回原单位重新办理并重新计时。')}</Typography.Paragraph>}
      onSubmit={async (v) => onDone(await recordSatisfaction(appeal.id, { value: v.value, note: v.note?.trim() || null }))}>
      <Form.Item name="value" label={t('回访结果')} rules={required(t('请选择回访结果'))}>
        <Radio.Group optionType="button" buttonStyle="solid" options={Object.entries(SATISFACTION).map(([v, label]) => ({ value: v, label: t(label) }))} />
      </Form.Item>
      <Form.Item name="note" label={value === 'unsatisfied' ? t('不满意原因') : t('备注（可不填）')} rules={value === 'unsatisfied' ? text(t('群众不满意时须记录原因')) : []}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

/** 并案 by number: the possible duplicates are offered first; any other appeal is found by its number. */
export function MergeModal({ appeal, onClose, onDone }: StepProps) {
  const t = useT();
  const initial = appeal.duplicates.filter((d) => d.status !== 'closed').map((d) => ({ value: d.id, label: `${d.number} · ${d.categoryName}` }));
  const [options, setOptions] = useState(initial);
  const search = (q: string) => {
    if (!q.trim()) return setOptions(initial);
    listAppeals({ q: q.trim(), pageSize: 10 })
      .then((page) => setOptions(page.items.filter((a) => a.id !== appeal.id && a.status !== 'merged' && a.status !== 'closed').map((a) => ({ value: a.id, label: `${a.number} · ${a.categoryName}` }))))
      .catch(() => setOptions([]));
  };
  return (
    <FormModal<{ intoId: number; note?: string }> title={t('并案')} okText={t('并入')} onClose={onClose}
      notice={<Typography.Paragraph type="secondary">{t('本诉求不再单独办理，并入的诉求答复后一并告知来电人。')}</Typography.Paragraph>}
      onSubmit={async (v) => onDone(await mergeAppeal(appeal.id, { intoId: v.intoId, note: v.note?.trim() || null }))}>
      <Form.Item name="intoId" label={t('并入诉求')} rules={required(t('请选择要并入的诉求'))}>
        <Select showSearch={{ filterOption: false, onSearch: search }} options={options} placeholder={t('输入诉求编号')} />
      </Form.Item>
      <Form.Item name="note" label={t('备注（可不填）')}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
    </FormModal>
  );
}
