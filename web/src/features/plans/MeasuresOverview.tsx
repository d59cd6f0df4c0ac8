/**
 * The home page's 帮扶措施 row: open, overdue, blocked and done measures, each counted with the
 * measure list's own query (pageSize 1 → total) and opening that list.
 */
import { Card, Col, Row, Statistic } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { listMeasures, type MeasureQuery } from './plans.api';

const FIGURES: Array<{ title: string; query: MeasureQuery; link: string; danger?: boolean }> = [
  { title: '未办结措施', query: { status: 'open' }, link: '/measures?status=open' },
  { title: '逾期措施', query: { overdue: true }, link: '/measures?overdue=1', danger: true },
  { title: '受阻措施', query: { status: 'blocked' }, link: '/measures?status=blocked', danger: true },
  { title: '已完成措施', query: { status: 'done' }, link: '/measures?status=done' },
];

export function MeasuresOverview() {
  const t = useT();
  const { data } = useRequest((signal) => Promise.all(FIGURES.map((f) => listMeasures({ ...f.query, pageSize: 1 }, signal).then((page) => page.total))), []);
  return (
    <Row gutter={[16, 16]} data-testid="measures-overview">
      {FIGURES.map((figure, i) => (
        <Col xs={12} md={6} key={figure.title}>
          <Link to={figure.link}>
            <Card hoverable loading={!data}>
              <Statistic title={t(figure.title)} value={data?.[i] ?? 0} styles={{ content: { color: figure.danger && data?.[i] ? '#cf1322' : undefined } }} />
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  );
}
