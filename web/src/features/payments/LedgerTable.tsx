/**
 * The monthly ledger as a table: one row per policy (its regions below it), with recipients,
 * new and stopped, the amount (a link to the lines behind it), what was paid, and each funding
 * source's part; the totals in the last row.
 */
import { Button, Table, Typography, type TableColumnsType } from 'antd';
import type { LedgerReport, LedgerRow } from '@contracts/benefits';
import { useT } from '@/lib/i18n';
import { formatYuan } from '@/features/policies/money';

type Figures = Omit<LedgerRow, 'policyCode' | 'policyName' | 'regionCode' | 'regionName' | 'bySource'> & { bySource: Record<string, number> };
export interface LedgerLine extends Figures {
  key: string;
  name: string;
  policyCode: string;
  policyName: string;
  regionCode?: string;
  children?: LedgerLine[];
}

const figures = (row: LedgerRow | LedgerReport['totals']): Figures => ({
  recipients: row.recipients, newRecipients: row.newRecipients, stopped: row.stopped, amountFen: row.amountFen, paidFen: row.paidFen,
  bySource: Object.fromEntries(row.bySource.map((s) => [s.source, s.amountFen])),
});

function add(a: Figures, b: Figures): Figures {
  const bySource = { ...a.bySource };
  for (const [source, fen] of Object.entries(b.bySource)) bySource[source] = (bySource[source] ?? 0) + fen;
  return { recipients: a.recipients + b.recipients, newRecipients: a.newRecipients + b.newRecipients, stopped: a.stopped + b.stopped,
    amountFen: a.amountFen + b.amountFen, paidFen: a.paidFen + b.paidFen, bySource };
}

/** Policy rows with their regions as children, each policy's figures the sum of its regions'. */
export function ledgerLines(report: LedgerReport): LedgerLine[] {
  const byPolicy = new Map<string, LedgerLine>();
  for (const row of report.rows) {
    const child: LedgerLine = { key: `${row.policyCode}:${row.regionCode}`, name: row.regionName ?? row.regionCode, policyCode: row.policyCode,
      policyName: row.policyName, regionCode: row.regionCode, ...figures(row) };
    const parent = byPolicy.get(row.policyCode);
    if (parent) {
      Object.assign(parent, add(parent, child));
      parent.children!.push(child);
    } else {
      byPolicy.set(row.policyCode, { ...child, key: row.policyCode, name: row.policyName, regionCode: undefined, children: [child] });
    }
  }
  return [...byPolicy.values()];
}

interface Props {
  report: LedgerReport;
  lines: LedgerLine[];
  loading: boolean;
  onDrill: (line: LedgerLine) => void;
}

export function LedgerTable({ report, lines, loading, onDrill }: Props) {
  const t = useT();
  const sources = report.totals.bySource.map((s) => s.source);
  const totals = figures(report.totals);
  const columns: TableColumnsType<LedgerLine> = [
    { title: t('政策 / 区划'), dataIndex: 'name', fixed: 'left', render: (v: string, l) => (l.children ? <Typography.Text strong>{v}</Typography.Text> : v) },
    { title: t('享受人数'), dataIndex: 'recipients', align: 'right' },
    { title: t('新增'), dataIndex: 'newRecipients', align: 'right' },
    { title: t('停发'), dataIndex: 'stopped', align: 'right' },
    {
      title: t('金额'), dataIndex: 'amountFen', align: 'right',
      render: (v: number, l) => <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onDrill(l)}>{formatYuan(v)}</Button>,
    },
    { title: t('已到账'), dataIndex: 'paidFen', align: 'right', render: formatYuan },
    ...sources.map((source) => ({ title: source, key: `s:${source}`, align: 'right' as const, render: (_: unknown, l: LedgerLine) => formatYuan(l.bySource[source] ?? 0) })),
  ];
  const cells = [totals.recipients, totals.newRecipients, totals.stopped, formatYuan(totals.amountFen), formatYuan(totals.paidFen), ...sources.map((s) => formatYuan(totals.bySource[s] ?? 0))];
  return (
    <Table<LedgerLine>
      rowKey="key" size="middle" columns={columns} dataSource={lines} loading={loading} pagination={false} scroll={{ x: 'max-content' }}
      expandable={{ defaultExpandAllRows: true }} data-testid="ledger-table" key={`${report.month}:${report.level}`}
      summary={() => lines.length > 0 && (
        <Table.Summary fixed>
          <Table.Summary.Row data-testid="ledger-totals">
            <Table.Summary.Cell index={0}><Typography.Text strong>{t('合计')}</Typography.Text></Table.Summary.Cell>
            {cells.map((c, i) => <Table.Summary.Cell key={i} index={i + 1} align="right"><Typography.Text strong>{c}</Typography.Text></Table.Summary.Cell>)}
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}
