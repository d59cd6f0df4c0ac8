/** Adding an organisation under a parent, with its type and region. */
import { Form, Input, Select } from 'antd';
import { FormModal } from '@/components/FormModal';
import { OrganisationTreeSelect } from '@/components/OrganisationTreeSelect';
import { RegionTreeSelect } from '@/components/RegionTreeSelect';
import { api } from '@/lib/api';
import { useT } from '@/lib/i18n';
import { ORGANISATION_TYPES } from '@/lib/organisations';

interface Values {
  parentId?: number;
  name: string;
  type: string;
  regionCode: string;
}

export function CreateOrganisationModal({ parentId, onClose, onCreated }: { parentId?: number; onClose: () => void; onCreated: () => void }) {
  const t = useT();

  const submit = async (values: Values) => {
    await api.post('/api/organisations', { parentId: values.parentId ?? null, name: values.name.trim(), type: values.type, regionCode: values.regionCode });
    onCreated();
  };

  return (
    <FormModal<Values> title={t('新增组织')} okText={t('创建')} onSubmit={submit} onClose={onClose} initialValues={{ parentId }}>
      <Form.Item name="parentId" label={t('上级组织')} extra={t('不选则为顶级组织')}>
        <OrganisationTreeSelect />
      </Form.Item>
      <Form.Item name="name" label={t('名称')} rules={[{ required: true, whitespace: true, message: t('请输入名称') }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="type" label={t('类型')} rules={[{ required: true, message: t('请选择类型') }]}>
        <Select options={Object.entries(ORGANISATION_TYPES).map(([value, label]) => ({ value, label: t(label) }))} placeholder={t('请选择')} />
      </Form.Item>
      <Form.Item name="regionCode" label={t('所在区划')} rules={[{ required: true, message: t('请选择区划') }]}>
        <RegionTreeSelect />
      </Form.Item>
    </FormModal>
  );
}
