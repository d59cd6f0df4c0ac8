import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '@/lib/i18n';

export function NotFoundPage() {
  const t = useT();
  return (
    <Result
      status="404"
      title={t('页面不存在')}
      extra={
        <Link to="/">
          <Button type="primary">{t('返回首页')}</Button>
        </Link>
      }
    />
  );
}
