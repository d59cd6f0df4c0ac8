/** Candidates as table rows on a wide screen and as cards on a phone, with the same facts and actions. */
import { Card, Descriptions, Empty, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { Candidate, CandidateDecision } from '@contracts/policies';
import { useT, type Translate } from '@/lib/i18n';
import { formatYuan } from '../money';
import { KindTag } from '../tags';
import { CandidateActions } from './CandidateActions';

type Decide = (candidate: Candidate, decision: CandidateDecision) => void;

function Subject({ c, t }: { c: Candidate; t: Translate }) {
  return (
    <Flex vertical>
      <span>{c.personName ?? t('本户')}</span>
      <Link to={`/households/${c.householdId}?tab=policies`}>{t('{name} 户', { name: c.headName ?? t('（未指定户主）') })}</Link>
    </Flex>
  );
}

function Amount({ c }: { c: Candidate }) {
  if (c.kind === 'amount' || (c.previousAmountFen !== null && c.amountFen !== c.previousAmountFen)) {
    return <span>{formatYuan(c.previousAmountFen)} → {formatYuan(c.amountFen)}</span>;
  }
  return <span>{formatYuan(c.amountFen ?? c.previousAmountFen)}</span>;
}

function columns(t: Translate, onDecide?: Decide): TableColumnsType<Candidate> {
  return [
    { title: t('政策'), dataIndex: 'policyName' },
    { title: t('对象'), key: 'subject', render: (_, c) => <Subject c={c} t={t} /> },
    { title: t('区划'), dataIndex: 'regionName', render: (v: string | null, c) => v ?? c.regionCode },
    { title: t('金额'), key: 'amount', align: 'right', render: (_, c) => <Amount c={c} /> },
    { title: t('原因'), dataIndex: 'reason', width: 280 },
    ...(onDecide ? [{ title: t('处理'), key: 'decision', fixed: 'right' as const, render: (_: unknown, c: Candidate) => <CandidateActions candidate={c} onDecide={onDecide} /> }] : []),
  ];
}

function CandidateCard({ c, onDecide }: { c: Candidate; onDecide?: Decide }) {
  const t = useT();
  return (
    <Card size="small" className="candidate-card" data-testid="candidate-card"
      title={<Flex gap={8} align="center">{c.personName ?? t('本户')}<KindTag kind={c.kind} /></Flex>}>
      <Descriptions column={1} size="small" items={[
        { key: 'policy', label: t('政策'), children: c.policyName },
        { key: 'household', label: t('家庭'), children: <Link to={`/households/${c.householdId}?tab=policies`}>{t('{name} 户', { name: c.headName ?? '' })}</Link> },
        { key: 'region', label: t('区划'), children: c.regionName ?? c.regionCode },
        { key: 'amount', label: t('金额'), children: <Amount c={c} /> },
      ]} />
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>{c.reason}</Typography.Paragraph>
      {onDecide && <CandidateActions candidate={c} onDecide={onDecide} />}
    </Card>
  );
}

export function CandidateRows({ items, loading, narrow, onDecide }: { items: Candidate[]; loading: boolean; narrow: boolean; onDecide?: Decide }) {
  const t = useT();
  if (narrow) {
    return (
      <Flex vertical gap={8} className="card-list">
        {items.map((c) => <CandidateCard key={c.id} c={c} onDecide={onDecide} />)}
      </Flex>
    );
  }
  return (
    <Table<Candidate> rowKey="id" columns={columns(t, onDecide)} dataSource={items} loading={loading} pagination={false} size="middle"
      scroll={{ x: 'max-content' }} locale={{ emptyText: <Empty description={t('没有符合条件的记录')} /> }} data-testid="candidates-table" />
  );
}
