/** A decision on one agenda item: reassign, a new deadline, cancel, a new measure, or a note only — carried out at once. */
import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormModal } from '@/components/FormModal';
import { MEASURE_TYPES, type MeasureType } from '@/features/plans/plans.api';
import { dayjs } from '@/lib/dayjs';
import { useT } from '@/lib/i18n';
import { cachedOrganisations } from '@/lib/organisations';
import { useRequest } from '@/lib/useRequest';
import { decide, MEETING_DECISIONS, type MeetingDecision, type MeetingItem } from './meetings.api';

interface Values {
  decision: MeetingDecision;
  note: string;
  responsibleOrgId?: number;
  deadline?: Dayjs;
  type?: MeasureType;
  title?: string;
}

export function DecisionModal({ meetingId, item, onClose, onDone }: { meetingId: number; item: MeetingItem; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const decision = Form.useWatch('decision', form);
  const { data: organisations } = useRequest(() => cachedOrganisations(), []);
  const orgOptions = (organisations ?? []).map((o) => ({ value: o.id, label: o.name }));
  const needsOrg = decision === 'reassign' || decision === 'new_measure';
  const needsDate = decision === 'deadline' || decision === 'new_measure';

  const submit = async (v: Values) => {
    const deadline = v.deadline?.format('YYYY-MM-DD') ?? null;
    await decide(meetingId, item.id, {
      decision: v.decision, note: v.note,
      responsibleOrgId: v.decision === 'reassign' ? v.responsibleOrgId ?? null : null,
      deadline: v.decision === 'reassign' || v.decision === 'deadline' ? deadline : null,
      measure: v.decision === 'new_measure'
        ? { type: v.type!, title: v.title!.trim(), detail: v.note, personId: null, responsibleOrgId: v.responsibleOrgId!, responsiblePerson: null, deadline: deadline! }
        : undefined,
    });
    onDone();
  };

  return (
    <FormModal<Values> title={t('会议决定')} okText={t('决定并执行')} form={form} onClose={onClose} onSubmit={submit} initialValues={{ decision: 'reassign' }}
      notice={<p>{item.title}（{item.responsibleOrgName}）</p>}>
      <Form.Item name="decision" label={t('决定')}>
        <Select options={Object.entries(MEETING_DECISIONS).map(([value, label]) => ({ value, label: t(label) }))} />
      </Form.Item>
      {decision === 'new_measure' && (
        <>
          <Form.Item name="type" label={t('措施类型')} rules={[{ required: true, message: t('请选择措施类型') }]}>
            <Select options={Object.entries(MEASURE_TYPES).map(([value, m]) => ({ value, label: t(m.label) }))} />
          </Form.Item>
          <Form.Item name="title" label={t('措施内容')} rules={[{ required: true, whitespace: true, message: t('请填写措施内容') }]}><Input maxLength={100} /></Form.Item>
        </>
      )}
      {needsOrg && (
        <Form.Item name="responsibleOrgId" label={decision === 'reassign' ? t('新的责任单位') : t('责任单位')} rules={[{ required: true, message: t('请选择责任单位') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={orgOptions} />
        </Form.Item>
      )}
      {(needsDate || decision === 'reassign') && (
        <Form.Item name="deadline" label={t('完成期限')} rules={needsDate ? [{ required: true, message: t('请选择完成期限') }] : []}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
      )}
      <Form.Item name="note" label={t('决定内容')} rules={[{ required: true, whitespace: true, message: t('请填写会议决定') }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
