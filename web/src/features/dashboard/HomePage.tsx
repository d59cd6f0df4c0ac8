/** 首页: a few counts of the registry, the plans' measures and the households by city, each linking to its list. */
import { FileAddOutlined, SearchOutlined, CloudUploadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Skeleton, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { EChart, type EChartOption } from '@/components/EChart';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageHeader } from '@/components/PageHeader';
import { useAuth } from '@/lib/auth';
import { useT, type Translate } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { MeasuresOverview } from '@/features/plans/MeasuresOverview';
import { loadDashboard, STATUSES, type Count, type DashboardFigures } from './dashboard.api';

const shown = (c: Count) => (c.capped ? `${c.value}+` : c.value);

function cityChart(figures: DashboardFigures, t: Translate): EChartOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 24, bottom: 32 },
    xAxis: { type: 'category', data: figures.byCity.map((c) => t(c.name)), axisTick: { alignWithLabel: true }, axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: t('家庭数'),
        type: 'bar',
        barMaxWidth: 48,
        data: figures.byCity.map((c) => c.count.value),
        itemStyle: { color: '#1d5bbf', borderRadius: [4, 4, 0, 0] },
        label: { show: true, position: 'top' },
      },
    ],
  };
}

function StatCard({ title, value, to }: { title: string; value: string | number; to: string }) {
  return (
    <Link to={to}>
      <Card hoverable>
        <Statistic title={title} value={value} />
      </Card>
    </Link>
  );
}

export function HomePage() {
  const t = useT();
  const { me, can } = useAuth();
  const readable = can('registry:read');
  const { data, loading, error, reload } = useRequest((signal) => loadDashboard(signal), [], readable);
  const option = useMemo(() => (data ? cityChart(data, t) : null), [data, t]);

  return (
    <>
      <PageHeader title={t('首页')} subtitle={t('欢迎，{name}', { name: me?.displayName ?? '' })} />
      {!readable && <Typography.Paragraph>{t('请从左侧菜单选择要处理的工作。')}</Typography.Paragraph>}
      {error && <ErrorAlert error={error} onRetry={reload} />}
      {readable && (
        <Flex vertical gap={16}>
          {loading || !data ? (
            <Skeleton active />
          ) : (
            <Row gutter={[16, 16]}>
              <Col xs={12} md={8} xl={4}><StatCard title={t('登记家庭')} value={shown(data.households)} to="/households" /></Col>
              <Col xs={12} md={8} xl={4}><StatCard title={t('登记人员')} value={shown(data.persons)} to="/persons" /></Col>
              {STATUSES.map((s) => (
                <Col xs={12} md={8} xl={4} key={s.key}>
                  <StatCard title={t('{status}家庭', { status: t(s.name) })} value={shown(data.statuses[s.key])} to={`/households?assistanceStatus=${s.key}`} />
                </Col>
              ))}
            </Row>
          )}
          {can('plan:read') && <MeasuresOverview />}
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={16}>
              <Card title={t('各市登记家庭数')}>
                {option ? <EChart option={option} ariaLabel={t('各市登记家庭数')} /> : <Skeleton active />}
              </Card>
            </Col>
            <Col xs={24} lg={8}>
              <Card title={t('常用功能')}>
                <Flex vertical gap={12}>
                  {can('registry:write') && (
                    <Link to="/households/new"><Button block size="large" icon={<FileAddOutlined />}>{t('登记新家庭')}</Button></Link>
                  )}
                  <Link to="/persons"><Button block size="large" icon={<SearchOutlined />}>{t('人员查询')}</Button></Link>
                  {can('registry:import') && (
                    <Link to="/imports"><Button block size="large" icon={<CloudUploadOutlined />}>{t('数据导入')}</Button></Link>
                  )}
                </Flex>
              </Card>
            </Col>
          </Row>
        </Flex>
      )}
    </>
  );
}
