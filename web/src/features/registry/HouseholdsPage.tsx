/** 家庭台账: search and filter households, open one, register a new one, export the list. */
import { PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Select, type TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { DownloadButton } from '@/components/DownloadButton';
import { OrganisationTreeSelect } from '@/components/OrganisationTreeSelect';
import { PageHeader } from '@/components/PageHeader';
import { RegionTreeSelect } from '@/components/RegionTreeSelect';
import { SearchList, type FilterValues } from '@/components/SearchList';
import { useAuth } from '@/lib/auth';
import { useT, type Translate } from '@/lib/i18n';
import { ASSISTANCE_STATUSES, FACT_KINDS, optionsOf } from './labels';
import { StatusTag } from './StatusTag';
import { householdFilters, searchHouseholds, type HouseholdSummary } from './registry.api';

const FILTER_KEYS = ['regionCode', 'orgId', 'factKind', 'assistanceStatus'];

function columns(t: Translate): TableColumnsType<HouseholdSummary> {
  return [
    { title: t('户主'), dataIndex: 'headName', render: (name, h) => <Link to={`/households/${h.id}`}>{name ?? t('（未指定）')}</Link> },
    { title: t('户主身份证号'), dataIndex: 'headIdNumber', render: (v) => <span className="mono">{v}</span> },
    { title: t('人数'), dataIndex: 'memberCount', align: 'right' },
    { title: t('救助身份'), dataIndex: 'assistanceStatus', render: (s) => <StatusTag status={s} /> },
    { title: t('所属区划'), dataIndex: 'regionName' },
    { title: t('地址'), dataIndex: 'address', ellipsis: true, width: 260 },
    { title: t('责任单位'), dataIndex: 'orgName' },
    { title: t('操作'), key: 'open', fixed: 'right', render: (_, h) => <Link to={`/households/${h.id}`}>{t('查看')}</Link> },
  ];
}

function HouseholdCard({ household }: { household: HouseholdSummary }) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Card
      size="small"
      hoverable
      data-testid="household-card"
      onClick={() => navigate(`/households/${household.id}`)}
      title={
        <Flex gap={8} align="center">
          {household.headName ?? t('（未指定）')}
          <StatusTag status={household.assistanceStatus} />
        </Flex>
      }
      extra={<RightOutlined />}
    >
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'id', label: t('身份证号'), children: <span className="mono">{household.headIdNumber}</span> },
          { key: 'members', label: t('人数'), children: household.memberCount },
          { key: 'region', label: t('所属区划'), children: household.regionName },
          { key: 'address', label: t('地址'), children: household.address },
        ]}
      />
    </Card>
  );
}

function Filters({ values, set }: { values: FilterValues; set: (key: string, value: string | undefined) => void }) {
  const t = useT();
  return (
    <>
      <RegionTreeSelect value={values.regionCode} onChange={(v) => set('regionCode', v)} placeholder={t('区划')} />
      <OrganisationTreeSelect value={values.orgId ? Number(values.orgId) : undefined} onChange={(v) => set('orgId', v ? String(v) : undefined)} placeholder={t('责任单位')} />
      <Select
        allowClear
        value={values.factKind}
        onChange={(v) => set('factKind', v)}
        placeholder={t('信息类别')}
        options={Object.entries(FACT_KINDS).map(([value, k]) => ({ value, label: t(k.label) }))}
        aria-label={t('信息类别')}
      />
      <Select
        allowClear
        value={values.assistanceStatus}
        onChange={(v) => set('assistanceStatus', v)}
        placeholder={t('救助身份')}
        options={optionsOf(ASSISTANCE_STATUSES, t)}
        aria-label={t('救助身份')}
      />
    </>
  );
}

export function HouseholdsPage() {
  const t = useT();
  const { can } = useAuth();
  return (
    <>
      <PageHeader
        title={t('家庭台账')}
        extra={
          can('registry:write') && (
            <Link to="/households/new">
              <Button type="primary" icon={<PlusOutlined />}>{t('登记新家庭')}</Button>
            </Link>
          )
        }
      />
      <Card>
        <SearchList<HouseholdSummary>
          testId="households-list"
          filterKeys={FILTER_KEYS}
          load={searchHouseholds}
          columns={columns(t)}
          rowKey={(h) => h.id}
          searchPlaceholder={t('姓名、拼音首字母（如 wjg）、身份证号或电话')}
          renderFilters={(values, set) => <Filters values={values} set={set} />}
          renderCard={(h) => <HouseholdCard household={h} />}
          toolbar={(query) =>
            can('registry:export') && (
              <DownloadButton size="large" path="/api/households/export.xlsx" query={householdFilters(query.values)} fileName="households.xlsx">
                {t('导出')}
              </DownloadButton>
            )
          }
        />
      </Card>
    </>
  );
}
