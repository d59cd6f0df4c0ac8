/**
 * Possible duplicates the server found (same category in the same community or within 300 m
 * three days either side; the same caller within a week), each with 并入此件: the appeal shown
 * is merged under that one and its caller hears the same answer.
 */
import { Button, Empty, Flex, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { FormModal } from '@/components/FormModal';
import { formatDateTime } from '@/lib/dayjs';
import { useT } from '@/lib/i18n';
import { AppealStatusTag } from './appeal-tags';
import { mergeAppeal, type AppealDetail, type PossibleDuplicate } from './appeals.api';

const MERGEABLE = ['received', 'dispatched', 'accepted', 'in_progress', 'returned'];

export function DuplicateList({ appeal, canMerge, onMerged }: { appeal: AppealDetail; canMerge: boolean; onMerged: (merged: AppealDetail) => void }) {
  const t = useT();
  const [target, setTarget] = useState<PossibleDuplicate | null>(null);
  const mergeable = canMerge && MERGEABLE.includes(appeal.status);
  if (appeal.duplicates.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('未发现可能重复的诉求')} />;
  return (
    <>
      <List
        size="small"
        dataSource={appeal.duplicates}
        data-testid="appeal-duplicates"
        renderItem={(d) => (
          <List.Item
            data-testid={`duplicate-${d.number}`}
            actions={mergeable && d.status !== 'closed' ? [<Button key="merge" size="small" onClick={() => setTarget(d)}>{t('并入此件')}</Button>] : []}
          >
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              <Space size={4} wrap>
                <Link to={`/appeals/${d.id}`}>{d.number}</Link>
                <AppealStatusTag status={d.status} />
                <Tag color={d.reason === 'same_caller' ? 'magenta' : 'geekblue'}>{t(d.reason === 'same_caller' ? '同一来电人' : '同类同地')}</Tag>
                <Typography.Text type="secondary">{d.categoryName}</Typography.Text>
              </Space>
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>{d.description}</Typography.Paragraph>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{[d.address, formatDateTime(d.createdAt)].filter(Boolean).join(' · ')}</Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
      {target && (
        <FormModal<{ note?: string }>
          title={t('并案')}
          okText={t('并入')}
          onClose={() => setTarget(null)}
          notice={<Typography.Paragraph>{t('把诉求 {from} 并入 {into}：不再单独办理，答复时一并告知来电人。', { from: appeal.number, into: target.number })}</Typography.Paragraph>}
          onSubmit={async (v) => {
            const merged = await mergeAppeal(appeal.id, { intoId: target.id, note: v.note?.trim() || null });
            setTarget(null);
            onMerged(merged);
          }}
        >
          <Form.Item name="note" label={t('备注（可不填）')}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
        </FormModal>
      )}
    </>
  );
}
