/** The product mark: a heart and 惠民. */
import { Flex } from 'antd';
import { useT } from '@/lib/i18n';

export function Brand({ compact, dark }: { compact?: boolean; dark?: boolean }) {
  const t = useT();
  return (
    <Flex align="center" gap={10} className={dark ? 'brand brand-dark' : 'brand'}>
      <img src="/favicon.svg" alt="" width={28} height={28} />
      {!compact && (
        <span className="brand-text">
          <strong>{t('惠民')}</strong>
          <small>{t('精准救助平台')}</small>
        </span>
      )}
    </Flex>
  );
}
