/** One measure as a card: what, for whom, who carries it, by when — on the plan board and in lists on a phone. */
import { Card, Flex, Space, Typography } from 'antd';
import { formatYuan } from '@/features/policies/money';
import { useT } from '@/lib/i18n';
import { Deadline, MeasureStatusTag, MeasureTypeTag, ReferralTag } from './measure-tags';
import type { Measure } from './plans.api';

export function MeasureCard({ measure, onOpen }: { measure: Measure; onOpen: (id: number) => void }) {
  const t = useT();
  return (
    <Card size="small" hoverable className="measure-card" data-testid={`measure-${measure.id}`} onClick={() => onOpen(measure.id)}
      role="button" aria-label={measure.title} tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && onOpen(measure.id)}>
      <Flex vertical gap={4}>
        <Space size={4} wrap><MeasureTypeTag type={measure.type} /><MeasureStatusTag status={measure.status} /><ReferralTag referral={measure.referral} /></Space>
        <Typography.Text strong>{measure.title}</Typography.Text>
        {measure.personName && <Typography.Text type="secondary">{t('对象')}：{measure.personName}</Typography.Text>}
        <Typography.Text type="secondary">{t('责任单位')}：{measure.responsibleOrgName}{measure.responsiblePerson ? ` · ${measure.responsiblePerson}` : ''}</Typography.Text>
        <span>{t('期限')}：<Deadline deadline={measure.deadline} overdue={measure.overdue} /></span>
        {measure.amountFen !== null && <Typography.Text>{t('金额')}：{formatYuan(measure.amountFen)}</Typography.Text>}
        {measure.statusNote && <Typography.Text type="warning">{measure.statusNote}</Typography.Text>}
      </Flex>
    </Card>
  );
}
