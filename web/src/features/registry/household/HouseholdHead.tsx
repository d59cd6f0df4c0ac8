/** The household's head, address, region and responsible organisation. */
import { Card, Descriptions } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '@/lib/i18n';
import { formatDateTime } from '@/lib/dayjs';
import type { HouseholdSummary } from '../registry.api';
import { StatusTag } from '../StatusTag';

export function HouseholdHead({ household, extra }: { household: HouseholdSummary; extra?: ReactNode }) {
  const t = useT();
  return (
    <Card title={t('家庭信息')} extra={extra} className="page-section">
      <Descriptions
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'head', label: t('户主'), children: household.headName ?? t('（未指定）') },
          { key: 'id', label: t('户主身份证号'), children: <span className="mono">{household.headIdNumber}</span> },
          { key: 'status', label: t('救助身份'), children: household.assistanceStatus ? <StatusTag status={household.assistanceStatus} /> : t('无') },
          { key: 'address', label: t('家庭住址'), children: household.address ?? '—', span: { xs: 1, sm: 2, lg: 2 } },
          { key: 'members', label: t('人数'), children: household.memberCount },
          { key: 'region', label: t('所属区划'), children: `${household.regionName ?? ''}（${household.regionCode}）` },
          { key: 'org', label: t('责任单位'), children: household.orgName },
          { key: 'updated', label: t('更新时间'), children: formatDateTime(household.updatedAt) },
        ]}
      />
    </Card>
  );
}
