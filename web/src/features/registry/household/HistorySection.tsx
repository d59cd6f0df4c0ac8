/** What happened to the household and its members, newest first, from the audit log. */
import { Button, Card, Empty, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '@/lib/dayjs';
import { useT } from '@/lib/i18n';
import { ACTIONS } from '../labels';
import type { HistoryEntry } from '../registry.api';

const FIRST = 8;

export function HistorySection({ history }: { history: HistoryEntry[] }) {
  const t = useT();
  const [all, setAll] = useState(false);
  const shown = all ? history : history.slice(0, FIRST);
  return (
    <Card title={t('变更记录')} className="page-section">
      {history.length === 0 ? (
        <Empty description={t('暂无记录')} />
      ) : (
        <>
          <Timeline
            items={shown.map((entry) => ({
              key: entry.id,
              color: entry.action === 'person.revealed' ? 'orange' : 'blue',
              content: (
                <>
                  <Typography.Text type="secondary" style={{ marginInlineEnd: 12 }}>
                    {formatDateTime(entry.at)}
                  </Typography.Text>
                  <Typography.Text strong>{t(ACTIONS[entry.action] ?? entry.action)}</Typography.Text>
                  <Typography.Text type="secondary"> · {entry.actorName}</Typography.Text>
                  {entry.reason && <div>{t('原因：{reason}', { reason: entry.reason })}</div>}
                </>
              ),
            }))}
          />
          {history.length > FIRST && (
            <Button type="link" onClick={() => setAll(!all)}>
              {all ? t('收起') : t('显示全部 {n} 条', { n: history.length })}
            </Button>
          )}
        </>
      )}
    </Card>
  );
}
