/** A failed request shown in place: the server's message (already in the user's language). */
import { Alert, Button } from 'antd';
import { useT } from '@/lib/i18n';

export function ErrorAlert({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const t = useT();
  return (
    <Alert
      type="error"
      showIcon
      title={error.message}
      action={onRetry ? <Button size="small" onClick={onRetry}>{t('重试')}</Button> : undefined}
    />
  );
}
