/**
 * 月度台账 (/ledger): for a month, per policy and county (or township), recipients, new and
 * stopped, amounts by funding source — every amount opens the lines behind it. Exported in the
 * shape a county reports upward, and as the public notice (masked names only) of one policy.
 */
import { Card, DatePicker, Flex, Segmented, Select, Skeleton } from 'antd';
import { useMemo, useState } from 'react';
import { DownloadButton } from '@/components/DownloadButton';
import { EChart } from '@/components/EChart';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageHeader } from '@/components/PageHeader';
import { useAuth } from '@/lib/auth';
import { dayjs } from '@/lib/dayjs';
import { useT } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { listPolicies } from '@/features/policies/policies.api';
import { amountBars } from './charts';
import { LedgerTable, ledgerLines, type LedgerLine } from './LedgerTable';
import { LinesDrawer } from './LinesDrawer';
import { getLedger, LEDGER_XLSX, NOTICE_XLSX, type LedgerLevel } from './payments.api';
import { periodLabel } from './tags';
import { useQueryParams } from '@/lib/useQueryParams';

export function LedgerPage() {
  const t = useT();
  const { can } = useAuth();
  const [params, set] = useQueryParams();
  const month = /^\d{4}-\d{2}$/.test(params.get('month') ?? '') ? params.get('month')! : dayjs().format('YYYY-MM');
  const level: LedgerLevel = params.get('level') === 'township' ? 'township' : 'county';
  const policyCode = params.get('policy') ?? undefined;
  const [drill, setDrill] = useState<LedgerLine | null>(null);
  const policies = useRequest((signal) => listPolicies(signal), []);
  const { data: report, loading, error, reload } = useRequest((signal) => getLedger(month, level, policyCode, signal), [month, level, policyCode]);
  const lines = useMemo(() => (report ? ledgerLines(report) : []), [report]);
  const bars = useMemo(() => amountBars(lines.map((l) => ({ name: l.name, amountFen: l.amountFen })), t), [lines, t]);

  return (
    <>
      <PageHeader title={t('月度台账')} subtitle={t('按月报送的工作台账：各政策、各区划的享受人数、新增、停发及各资金来源金额。')}
        extra={
          <>
            {can('registry:export') && (
              <DownloadButton path={LEDGER_XLSX} query={{ month, level }} fileName={`台账-${month}.xlsx`}>{t('导出台账')}</DownloadButton>
            )}
            <DownloadButton path={NOTICE_XLSX} query={{ month, policyCode }} fileName={`公示-${policyCode}-${month}.xlsx`} disabled={!policyCode}
              title={policyCode ? undefined : t('请先选择政策')}>{t('导出公示名单')}</DownloadButton>
          </>
        } />
      <Card className="page-section">
        <Flex wrap gap={12} className="list-filters" style={{ marginBottom: 16 }}>
          <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => d && set('month', d.format('YYYY-MM'))} aria-label={t('月份')} />
          <Segmented<LedgerLevel> value={level} onChange={(v) => set('level', v === 'county' ? undefined : v)}
            options={[{ value: 'county', label: t('按区县') }, { value: 'township', label: t('按乡镇（街道）') }]} />
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('全部政策')} aria-label={t('政策')} value={policyCode} loading={policies.loading}
            onChange={(v?: string) => set('policy', v)} options={(policies.data ?? []).map((p) => ({ value: p.code, label: p.nameZh }))} />
        </Flex>
        {error && <ErrorAlert error={error} onRetry={reload} />}
        {!report ? !error && <Skeleton active /> : <LedgerTable report={report} lines={lines} loading={loading} onDrill={setDrill} />}
      </Card>
      {lines.length > 0 && (
        <Card title={t('各政策金额')} className="page-section">
          <EChart option={bars} ariaLabel={t('各政策金额')} style={{ height: 300 }} />
        </Card>
      )}
      {drill && (
        <LinesDrawer
          title={t('{name} · {month} 明细', { name: drill.regionCode ? `${drill.policyName} · ${drill.name}` : drill.policyName, month: periodLabel(month, t) })}
          filter={{ policyCode: drill.policyCode, regionCode: drill.regionCode, month }}
          onClose={() => setDrill(null)}
        />
      )}
    </>
  );
}
