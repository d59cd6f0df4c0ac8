/**
 * 新建客户端: the form, then the new API key — shown once, because the server keeps only its
 * SHA-256 and can never show it again. Closing the key dialog is the last chance to copy it.
 */
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { FormModal } from '@/components/FormModal';
import { RegionTreeSelect } from '@/components/RegionTreeSelect';
import { useT } from '@/lib/i18n';
import { createOpen311Client, type Open311Client } from './open311.api';

interface Values {
  name: string;
  defaultRegionCode?: string;
}

export function CreateClientModal({ onClose, onCreated }: { onClose: () => void; onCreated: () => void }) {
  const t = useT();
  const [created, setCreated] = useState<{ client: Open311Client; apiKey: string } | null>(null);

  const submit = async (values: Values) => {
    // The server's schema wants null, not a missing field, when no default region is chosen.
    setCreated(await createOpen311Client({ name: values.name.trim(), defaultRegionCode: values.defaultRegionCode || null }));
    onCreated();
  };

  if (created) {
    return (
      <Modal open title={t('客户端已创建')} onOk={onClose} onCancel={onClose} okText={t('我已复制保存')} cancelButtonProps={{ style: { display: 'none' } }}
        maskClosable={false}>
        <Alert type="warning" showIcon style={{ marginBottom: 16 }}
          title={t('API 密钥只显示这一次，关闭后无法再次查看。请立即复制，安全地交给对接方；遗失后只能停用此客户端并新建一个。')} />
        <Typography.Paragraph>
          {t('客户端名称')}：<Typography.Text strong>{created.client.name}</Typography.Text>
        </Typography.Paragraph>
        <Typography.Paragraph>
          {t('API 密钥')}：
          <Typography.Text strong copyable className="mono" data-testid="open311-api-key">{created.apiKey}</Typography.Text>
        </Typography.Paragraph>
        <Typography.Text type="secondary">{t('对接方在每次调用 /open311/v2/ 接口时以 api_key 参数传入此密钥。')}</Typography.Text>
      </Modal>
    );
  }

  return (
    <FormModal<Values> title={t('新建客户端')} okText={t('创建')} onSubmit={submit} onClose={onClose}>
      <Form.Item name="name" label={t('客户端名称')} extra={t('如：FixMyStreet 银川、某区网格化平台')}
        rules={[{ required: true, whitespace: true, message: t('请填写客户端名称') }, { max: 100, message: t('名称最多 100 字') }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="defaultRegionCode" label={t('默认区划')} extra={t('选填：对方提交的诉求没有带区划代码时，记在此区划下')}>
        <RegionTreeSelect />
      </Form.Item>
    </FormModal>
  );
}
