/** Changing a household's address and region. */
import { Form, Input } from 'antd';
import { FormModal } from '@/components/FormModal';
import { RegionTreeSelect } from '@/components/RegionTreeSelect';
import { useT } from '@/lib/i18n';
import { COMMUNITY_LEVEL } from '@/lib/regions';
import { editHousehold, type HouseholdSummary } from '../registry.api';

interface Values {
  address?: string;
  regionCode: string;
}

export function EditAddressModal({ household, open, onClose, onSaved }: { household: HouseholdSummary; open: boolean; onClose: () => void; onSaved: () => void }) {
  const t = useT();

  const submit = async (values: Values) => {
    await editHousehold(household.id, { address: values.address?.trim() || null, regionCode: values.regionCode });
    onSaved();
  };

  return (
    <FormModal<Values>
      open={open}
      title={t('修改地址和区划')}
      okText={t('保存')}
      onSubmit={submit}
      onClose={onClose}
      destroyOnHidden
      formProps={{ preserve: false }}
      initialValues={{ address: household.address ?? '', regionCode: household.regionCode }}
    >
      <Form.Item name="regionCode" label={t('所属区划（社区/网格）')} rules={[{ required: true, message: t('请选择所属社区或网格') }]}>
        <RegionTreeSelect minLevel={COMMUNITY_LEVEL} />
      </Form.Item>
      <Form.Item name="address" label={t('家庭住址')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
