/** One appeal as a card, for phones and the unit's inbox: what, where, who handles it, by when. */
import { Card, Flex, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '@/lib/i18n';
import { AppealStatusTag, DueTime } from './appeal-tags';
import type { Appeal } from './appeals.api';

export function AppealCard({ appeal, onOpen, actions, extra }: { appeal: Appeal; onOpen: () => void; actions?: ReactNode; extra?: ReactNode }) {
  const t = useT();
  return (
    <Card size="small" data-testid={`appeal-card-${appeal.number}`} className="appeal-card">
      <Flex vertical gap={4}>
        <div role="button" tabIndex={0} aria-label={t('诉求 {number}', { number: appeal.number })} style={{ cursor: 'pointer' }}
          onClick={onOpen} onKeyDown={(e) => e.key === 'Enter' && onOpen()}>
          <Flex vertical gap={4}>
            <Space size={4} wrap>
              <Typography.Text strong className="mono">{appeal.number}</Typography.Text>
              <AppealStatusTag status={appeal.status} />
              <Typography.Text type="secondary">{appeal.categoryName}</Typography.Text>
            </Space>
            <Typography.Paragraph ellipsis={{ rows: 3 }} style={{ margin: 0 }}>{appeal.description}</Typography.Paragraph>
            <Typography.Text type="secondary">{[appeal.regionName, appeal.address].filter(Boolean).join(' · ') || '—'}</Typography.Text>
            {appeal.responsibleOrgName && <Typography.Text type="secondary">{t('承办单位')}：{appeal.responsibleOrgName}</Typography.Text>}
            <span>{t('答复期限')}：<DueTime appeal={appeal} compact /></span>
          </Flex>
        </div>
        {extra}
        {actions && <Flex gap={8} wrap style={{ marginTop: 4 }}>{actions}</Flex>}
      </Flex>
    </Card>
  );
}
