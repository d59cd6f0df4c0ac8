/**
 * 诉求回音: approved answers the hotline chose to publish, in the style of the newspaper column
 * ("近日群众有哪些诉求，又是如何解决的") — the matter and what was done, no personal data.
 */
import { Card, Empty, List, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { DigestEntry, PublicCategory } from '@contracts/appeals-public';
import { dayjs } from '@/lib/dayjs';
import { useT } from '@/lib/i18n';
import { digest, publicCategories } from './public.api';

const PAGE_SIZE = 10;

export function DigestPage() {
  const t = useT();
  const [categories, setCategories] = useState<PublicCategory[]>([]);
  const [categoryCode, setCategoryCode] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: DigestEntry[]; total: number } | null>(null);

  useEffect(() => void publicCategories().then(setCategories).catch(() => {}), []);
  useEffect(() => {
    digest({ page, pageSize: PAGE_SIZE, categoryCode }).then(setData).catch(() => setData({ items: [], total: 0 }));
  }, [page, categoryCode]);

  return (
    <Card
      title={t('诉求回音')}
      extra={<Select allowClear aria-label={t('按类别筛选')} placeholder={t('全部类别')} style={{ width: 140 }} value={categoryCode}
        onChange={(code) => { setCategoryCode(code); setPage(1); }} options={categories.map((c) => ({ value: c.code, label: c.name }))} />}
    >
      <Typography.Paragraph type="secondary">{t('12345 热线 7×24 小时受理。近日群众有哪些诉求，又是如何解决的？')}</Typography.Paragraph>
      <List
        loading={!data}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description={t('暂无公开的诉求回音')} /> }}
        pagination={data && data.total > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage, showSizeChanger: false } : false}
        renderItem={(entry) => (
          <List.Item key={entry.number} className="digest-entry">
            <div>
              <div className="digest-question">{entry.question}</div>
              <div className="digest-answer"><Typography.Text strong>{t('回音：')}</Typography.Text>{entry.answer}</div>
              <Space size={4} wrap style={{ marginTop: 6 }}>
                <Tag>{entry.categoryName}</Tag>
                {entry.regionName && <Tag>{entry.regionName}</Tag>}
                {entry.unitName && <Typography.Text type="secondary">{t('承办：{unit}', { unit: entry.unitName })}</Typography.Text>}
                <Typography.Text type="secondary">{dayjs(entry.repliedAt).format('YYYY-MM-DD')}</Typography.Text>
              </Space>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
