/**
 * A run's lists, one tab per kind (应纳未纳 / 应退未退 / 金额变化 / 无法判定, or a simulation's
 * gained / lost), filtered by policy, region and whether already handled; paged, exportable,
 * and acted on row by row. A decision shows in its row at once.
 */
import { Empty, Flex, Pagination, Select, Spin, Tabs } from 'antd';
import { useState } from 'react';
import { CANDIDATE_KIND_LABELS, type Candidate, type CandidateDecision, type CandidateKind } from '@contracts/policies';
import { DownloadButton } from '@/components/DownloadButton';
import { ErrorAlert } from '@/components/ErrorAlert';
import { RegionTreeSelect } from '@/components/RegionTreeSelect';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { useIsNarrow } from '@/lib/useMedia';
import { useRequest } from '@/lib/useRequest';
import { candidateQuery, candidatesExportPath, listCandidates, type CandidateFilter } from '../policies.api';
import { CandidateRows } from './CandidateRows';
import { CandidateDecisionDialog } from './CandidateDecisionDialog';

interface Props {
  runId: number;
  kinds: CandidateKind[];
  counts: Partial<Record<CandidateKind, number>>;
  policies?: { code: string; name: string }[];
  /** Lists of a population run are acted on; a simulation's are only read. */
  actionable?: boolean;
}

const DECIDED = [
  { value: 'false', label: '未处理' },
  { value: 'true', label: '已处理' },
];

export function CandidateList({ runId, kinds, counts, policies = [], actionable = false }: Props) {
  const t = useT();
  const { can } = useAuth();
  const narrow = useIsNarrow();
  const [kind, setKind] = useState<CandidateKind>(kinds[0]);
  const [filter, setFilter] = useState<Omit<CandidateFilter, 'kind'>>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [decided, setDecided] = useState<Map<number, Candidate>>(new Map());
  const [deciding, setDeciding] = useState<{ candidate: Candidate; decision: CandidateDecision } | null>(null);
  const query: CandidateFilter = { ...filter, kind };
  const { data, loading, error, reload } = useRequest(
    (signal) => listCandidates(runId, query, page.page, page.pageSize, signal),
    [runId, JSON.stringify(query), page.page, page.pageSize],
  );
  const items = (data?.items ?? []).map((c) => decided.get(c.id) ?? c);
  const change = (next: Partial<CandidateFilter>) => {
    setFilter((f) => ({ ...f, ...next }));
    setPage((p) => ({ ...p, page: 1 }));
  };

  const list = (
    <Flex vertical gap={12}>
      <Flex wrap gap={12} className="list-filters">
        {policies.length > 1 && (
          <Select allowClear placeholder={t('政策')} aria-label={t('政策')} value={filter.policyCode} onChange={(v) => change({ policyCode: v })}
            options={policies.map((p) => ({ value: p.code, label: p.name }))} />
        )}
        <RegionTreeSelect value={filter.regionCode} onChange={(v) => change({ regionCode: v })} placeholder={t('区划')} />
        {actionable && (
          <Select allowClear placeholder={t('处理情况')} aria-label={t('处理情况')} value={filter.decided === undefined ? undefined : String(filter.decided)}
            onChange={(v?: string) => change({ decided: v === undefined ? undefined : v === 'true' })} options={DECIDED.map((o) => ({ ...o, label: t(o.label) }))} />
        )}
        {can('registry:export') && (
          <DownloadButton path={candidatesExportPath(runId)} query={candidateQuery(query)} fileName={`policy-run-${runId}.xlsx`}>
            {t('导出 Excel')}
          </DownloadButton>
        )}
      </Flex>
      {error && <ErrorAlert error={error} onRetry={reload} />}
      <Spin spinning={loading && narrow}>
        <CandidateRows items={items} loading={loading} narrow={narrow}
          onDecide={actionable ? (candidate, decision) => setDeciding({ candidate, decision }) : undefined} />
      </Spin>
      {narrow && data && data.total === 0 && !loading && <Empty description={t('没有符合条件的记录')} />}
      {data && data.total > 0 && (
        <Flex justify="end">
          <Pagination simple={narrow} current={page.page} pageSize={page.pageSize} total={data.total} showSizeChanger={!narrow}
            showTotal={(n) => t('共 {n} 条', { n })} onChange={(p, size) => setPage({ page: p, pageSize: size })} />
        </Flex>
      )}
    </Flex>
  );

  return (
    <>
      <Tabs
        activeKey={kind}
        onChange={(key) => {
          setKind(key as CandidateKind);
          setPage((p) => ({ ...p, page: 1 }));
        }}
        items={kinds.map((k) => ({
          key: k,
          label: `${t(CANDIDATE_KIND_LABELS[k])}（${counts[k] ?? 0}）`,
          children: k === kind ? list : null,
        }))}
      />
      {deciding && (
        <CandidateDecisionDialog
          {...deciding}
          onClose={() => setDeciding(null)}
          onDecided={(candidate) => {
            setDecided((m) => new Map(m).set(candidate.id, candidate));
            setDeciding(null);
          }}
        />
      )}
    </>
  );
}
