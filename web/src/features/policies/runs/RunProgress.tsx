/** A running run: how far it is, what it is doing now, and a way to stop it (nothing is kept). */
import { App, Button, Flex, Progress, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { POLICY_RUN } from '../permissions';
import { cancelRun, type PolicyRun } from '../policies.api';

export function RunProgress({ run, onCancelled }: { run: PolicyRun; onCancelled: (run: PolicyRun) => void }) {
  const t = useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [cancelling, setCancelling] = useState(false);
  const { done, total, stage } = run.progress;
  const percent = total > 0 ? Math.min(99, Math.round((done / total) * 100)) : 0;

  const cancel = async () => {
    setCancelling(true);
    try {
      onCancelled(await cancelRun(run.id));
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setCancelling(false);
    }
  };

  return (
    <Flex vertical gap={8} data-testid="run-progress">
      <Progress percent={percent} status="active" />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">{stage || t('准备中…')}（{done}/{total}）</Typography.Text>
        {can(POLICY_RUN) && <Button danger loading={cancelling} onClick={cancel}>{t('取消')}</Button>}
      </Flex>
    </Flex>
  );
}
