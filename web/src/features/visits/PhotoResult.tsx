/** After saving: the visit is stored, and these photos were not — each with the server's reason, and a retry. */
import { Button, Flex, List, Result, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '@/lib/i18n';
import { uploadPhotos, type Visit } from './visits.api';

export function PhotoResult({ visit, failed: initial, onDone }: { visit: Visit; failed: Array<{ file: File; error: string }>; onDone: () => void }) {
  const t = useT();
  const [failed, setFailed] = useState(initial);
  const [busy, setBusy] = useState(false);
  const retry = async () => {
    setBusy(true);
    try {
      setFailed(await uploadPhotos(visit.id, failed.map((f) => f.file)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Result
      status={failed.length ? 'warning' : 'success'}
      title={t('走访记录已保存')}
      subTitle={failed.length ? t('以下 {n} 张照片未上传，走访记录不受影响：', { n: failed.length }) : t('照片已全部上传')}
      extra={[
        failed.length > 0 && <Button key="retry" size="large" loading={busy} onClick={retry}>{t('重新上传')}</Button>,
        <Button key="done" type="primary" size="large" onClick={onDone}>{t('完成')}</Button>,
      ]}
    >
      {failed.length > 0 && (
        <List
          size="small"
          dataSource={failed}
          data-testid="failed-photos"
          renderItem={(f) => (
            <List.Item>
              <Flex vertical>
                <Typography.Text strong>{f.file.name}</Typography.Text>
                <Typography.Text type="danger">{f.error}</Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Result>
  );
}
