/** One visit as a card (the phone's list and the household's tab): when, where, for what, what was found. */
import { CameraOutlined } from '@ant-design/icons';
import { Card, Flex, Tag, Typography } from 'antd';
import { useT } from '@/lib/i18n';
import { HOUSEHOLD_NEEDS, VISIT_OUTCOMES, VISIT_PURPOSES, type Visit, type VisitOutcome } from './visits.api';

const OUTCOME_COLORS: Record<VisitOutcome, string> = { visited: 'green', not_at_home: 'orange', moved: 'default', not_found: 'red' };

export function OutcomeTag({ outcome }: { outcome: VisitOutcome }) {
  const t = useT();
  return <Tag color={OUTCOME_COLORS[outcome]}>{t(VISIT_OUTCOMES[outcome] ?? outcome)}</Tag>;
}

export function PurposeTags({ purposes }: { purposes: string[] }) {
  const t = useT();
  return (
    <Flex wrap gap={4}>
      {purposes.map((p) => <Tag key={p} color="blue">{t(VISIT_PURPOSES[p as keyof typeof VISIT_PURPOSES] ?? p)}</Tag>)}
    </Flex>
  );
}

export const needLabel = (need: string) => HOUSEHOLD_NEEDS[need as keyof typeof HOUSEHOLD_NEEDS] ?? need;

export function VisitCard({ visit, showHousehold = true, onOpen }: { visit: Visit; showHousehold?: boolean; onOpen: (visit: Visit) => void }) {
  const t = useT();
  const visitors = [visit.recordedByName, ...visit.companions].join('、');
  return (
    <Card
      size="small"
      hoverable
      className="visit-card"
      data-testid="visit-card"
      role="button"
      tabIndex={0}
      onClick={() => onOpen(visit)}
      onKeyDown={(e) => e.key === 'Enter' && onOpen(visit)}
      title={
        <Flex gap={8} align="center">
          <span className="mono">{visit.visitedOn}</span>
          {showHousehold && <span>{t('{name} 户', { name: visit.headName ?? t('（未指定户主）') })}</span>}
        </Flex>
      }
      extra={<OutcomeTag outcome={visit.outcome} />}
    >
      <Flex vertical gap={6}>
        {showHousehold && visit.address && <Typography.Text type="secondary">{visit.address}</Typography.Text>}
        <PurposeTags purposes={visit.purposes} />
        {visit.findings && <Typography.Paragraph ellipsis={{ rows: 3 }} style={{ margin: 0 }}>{visit.findings}</Typography.Paragraph>}
        {visit.needs.length > 0 && (
          <Flex wrap gap={4} align="center">
            <Typography.Text type="secondary">{t('发现需求')}</Typography.Text>
            {visit.needs.map((n) => <Tag key={n.need} color="volcano">{t(needLabel(n.need))}</Tag>)}
          </Flex>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('走访人')}：{visitors}
          {visit.photos.length > 0 && <> · <CameraOutlined /> {visit.photos.length}</>}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
