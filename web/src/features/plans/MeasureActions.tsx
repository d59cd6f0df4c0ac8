/**
 * What the current user may do with a measure, as buttons with their dialogs: the carrying unit
 * accepts, declines, reports and uploads evidence; the plan owner reassigns, moves the deadline
 * and cancels. The server decides (`can`); the buttons only follow it.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Radio, Select, Upload, message } from 'antd';
import { useState } from 'react';
import { FormModal } from '@/components/FormModal';
import { ReasonModal } from '@/components/ReasonModal';
import { useT } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import {
  acceptReferral, cancelMeasure, changeDeadline, declineReferral, reachOf, reassignMeasure, reportProgress, uploadEvidence, type MeasureDetail,
} from './plans.api';

type Dialog = 'accept' | 'decline' | 'progress' | 'reassign' | 'deadline' | 'cancel' | null;

interface Props {
  measure: { id: number; title: string; deadline: string; can: MeasureDetail['can'] };
  /** The plan owner's organisation, for the reassignment picker (owner's side only). */
  ownerOrgId?: number;
  onChanged: () => void;
}

export function MeasureActions({ measure, ownerOrgId, onChanged }: Props) {
  const t = useT();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [uploading, setUploading] = useState<number | null>(null);
  const done = () => { setDialog(null); onChanged(); };
  const { can } = measure;
  if (!can.answerReferral && !can.handle && !can.edit) return null;

  const evidence = async (file: File) => {
    setUploading(0);
    try {
      await uploadEvidence(measure.id, file, null, setUploading);
      message.success(t('佐证材料已上传'));
      onChanged();
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setUploading(null);
    }
  };

  return (
    <Flex gap={8} wrap className="measure-actions">
      {can.answerReferral && <Button type="primary" size="large" onClick={() => setDialog('accept')}>{t('接收')}</Button>}
      {can.answerReferral && <Button size="large" danger onClick={() => setDialog('decline')}>{t('退回')}</Button>}
      {can.handle && <Button type="primary" size="large" onClick={() => setDialog('progress')}>{t('反馈进展')}</Button>}
      {(can.handle || can.edit) && (
        <Upload accept="image/jpeg,image/png,image/webp,application/pdf" showUploadList={false} beforeUpload={(file) => { void evidence(file); return false; }}>
          <Button size="large" icon={<UploadOutlined />} loading={uploading !== null}>
            {uploading !== null ? t('上传中 {n}%', { n: uploading }) : t('上传佐证')}
          </Button>
        </Upload>
      )}
      {can.edit && ownerOrgId !== undefined && <Button size="large" onClick={() => setDialog('reassign')}>{t('改派')}</Button>}
      {can.edit && <Button size="large" onClick={() => setDialog('deadline')}>{t('调整期限')}</Button>}
      {can.edit && <Button size="large" danger onClick={() => setDialog('cancel')}>{t('取消措施')}</Button>}

      {dialog === 'accept' && (
        <FormModal<{ note?: string; responsiblePerson?: string }> title={t('接收转介')} okText={t('接收')} onClose={() => setDialog(null)}
          onSubmit={async (v) => { await acceptReferral(measure.id, { note: v.note?.trim() || null, responsiblePerson: v.responsiblePerson?.trim() || null }); done(); }}>
          <Form.Item name="responsiblePerson" label={t('经办人（可不填）')}><Input maxLength={100} /></Form.Item>
          <Form.Item name="note" label={t('备注（可不填）')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
        </FormModal>
      )}
      {dialog === 'decline' && (
        <ReasonModal title={t('退回转介')} okText={t('退回')} reasonLabel={t('退回理由')} subject={measure.title} onClose={() => setDialog(null)}
          onSubmit={async (v) => { await declineReferral(measure.id, v.reason ?? ''); done(); }} />
      )}
      {dialog === 'progress' && (
        <FormModal<{ status: 'in_progress' | 'blocked' | 'done'; note: string }> title={t('反馈进展')} okText={t('提交')} onClose={() => setDialog(null)}
          initialValues={{ status: 'in_progress' }}
          onSubmit={async (v) => { await reportProgress(measure.id, { note: v.note, status: v.status }); done(); }}>
          <Form.Item name="status" label={t('办理状态')}>
            <Radio.Group optionType="button" buttonStyle="solid" size="large" options={[
              { value: 'in_progress', label: t('办理中') }, { value: 'blocked', label: t('受阻') }, { value: 'done', label: t('已完成') },
            ]} />
          </Form.Item>
          <Form.Item name="note" label={t('情况说明')} rules={[{ required: true, whitespace: true, message: t('请填写进展、受阻原因或办理结果') }]}>
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
        </FormModal>
      )}
      {dialog === 'reassign' && ownerOrgId !== undefined && <ReassignModal measureId={measure.id} ownerOrgId={ownerOrgId} onClose={() => setDialog(null)} onDone={done} />}
      {dialog === 'deadline' && (
        <ReasonModal title={t('调整期限')} dateLabel={t('新的完成期限')} dateField="deadline" defaultDate={measure.deadline} reasonLabel={t('调整理由')}
          subject={measure.title} onClose={() => setDialog(null)}
          onSubmit={async (v) => { await changeDeadline(measure.id, { deadline: v.date!, note: v.reason ?? '' }); done(); }} />
      )}
      {dialog === 'cancel' && (
        <ReasonModal title={t('取消措施')} okText={t('取消措施')} reasonLabel={t('取消理由')} subject={measure.title} onClose={() => setDialog(null)}
          onSubmit={async (v) => { await cancelMeasure(measure.id, v.reason ?? ''); done(); }} />
      )}
    </Flex>
  );
}

function ReassignModal({ measureId, ownerOrgId, onClose, onDone }: { measureId: number; ownerOrgId: number; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { data: reach, loading } = useRequest((signal) => reachOf(ownerOrgId, signal), [ownerOrgId]);
  return (
    <FormModal<{ responsibleOrgId: number; responsiblePerson?: string; note: string }> title={t('改派责任单位')} okText={t('改派')} onClose={onClose}
      onSubmit={async (v) => { await reassignMeasure(measureId, { responsibleOrgId: v.responsibleOrgId, responsiblePerson: v.responsiblePerson?.trim() || null, deadline: null, note: v.note }); onDone(); }}>
      <Form.Item name="responsibleOrgId" label={t('新的责任单位')} rules={[{ required: true, message: t('请选择责任单位') }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} loading={loading} options={(reach ?? []).map((o) => ({ value: o.id, label: o.name }))} />
      </Form.Item>
      <Form.Item name="responsiblePerson" label={t('联系人（可不填）')}><Input maxLength={100} /></Form.Item>
      <Form.Item name="note" label={t('改派理由')} rules={[{ required: true, whitespace: true, message: t('请填写原因') }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
    </FormModal>
  );
}
