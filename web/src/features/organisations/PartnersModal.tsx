/** 合作单位: the organisations this one may refer measures to beyond its own subtree (with theirs); its lower units inherit them. */
import { Form, Select, Typography } from 'antd';
import { FormModal } from '@/components/FormModal';
import { api } from '@/lib/api';
import { useT } from '@/lib/i18n';
import type { Organisation } from '@/lib/organisations';
import { useRequest } from '@/lib/useRequest';

export function PartnersModal({ organisation, all, onClose }: { organisation: Organisation; all: Organisation[]; onClose: () => void }) {
  const t = useT();
  const { data: partners, loading } = useRequest((signal) => api.get<Organisation[]>(`/api/organisations/${organisation.id}/partners`, undefined, signal), [organisation.id]);
  if (loading || !partners) return null;
  return (
    <FormModal<{ partnerOrgIds: number[] }> title={t('{name} 的合作单位', { name: organisation.name })} okText={t('保存')} onClose={onClose}
      initialValues={{ partnerOrgIds: partners.map((p) => p.id) }}
      onSubmit={async (v) => { await api.put(`/api/organisations/${organisation.id}/partners`, { partnerOrgIds: v.partnerOrgIds ?? [] }); onClose(); }}>
      <Typography.Paragraph type="secondary">
        {t('本单位及下级单位的帮扶计划可以把措施转介给合作单位（含其下级），对方在“本单位待办”中接收办理。')}
      </Typography.Paragraph>
      <Form.Item name="partnerOrgIds" label={t('合作单位')}>
        <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }}
          options={all.filter((o) => o.id !== organisation.id).map((o) => ({ value: o.id, label: o.name }))} />
      </Form.Item>
    </FormModal>
  );
}
