/**
 * 审核通过 a run: its size restated, and when it would overspend a budget, each overspend shown
 * with a box to tick before the approval goes through.
 */
import { Alert, Checkbox, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '@/lib/i18n';
import { formatYuan } from '@/features/policies/money';
import { approveRun, type BudgetWarning, type PaymentRun } from './payments.api';

export function BudgetWarnings({ warnings }: { warnings: BudgetWarning[] }) {
  const t = useT();
  return (
    <Table<BudgetWarning>
      rowKey={(w) => `${w.source}:${w.regionCode}`} size="small" pagination={false} dataSource={warnings} scroll={{ x: 'max-content' }}
      columns={[
        { title: t('资金来源'), dataIndex: 'source' },
        { title: t('区划'), key: 'region', render: (_, w) => w.regionName ?? w.regionCode },
        { title: t('年度预算'), dataIndex: 'budgetFen', align: 'right', render: formatYuan },
        { title: t('已安排（含本批次）'), dataIndex: 'usedFen', align: 'right', render: formatYuan },
        { title: t('本批次'), dataIndex: 'runFen', align: 'right', render: formatYuan },
        { title: t('超出'), key: 'over', align: 'right', render: (_, w) => <Typography.Text type="danger">{formatYuan(w.usedFen - w.budgetFen)}</Typography.Text> },
      ]}
    />
  );
}

export function ApproveModal({ run, onClose, onApproved }: { run: PaymentRun; onClose: () => void; onApproved: (run: PaymentRun) => void }) {
  const t = useT();
  const [acknowledged, setAcknowledged] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const over = run.warnings.length > 0;

  const approve = async () => {
    setBusy(true);
    setProblem(null);
    try {
      onApproved(await approveRun(run.id, acknowledged));
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('审核通过')} okText={t('审核通过')} cancelText={t('取消')} onCancel={onClose} onOk={approve} confirmLoading={busy}
      okButtonProps={{ disabled: over && !acknowledged }} width={over ? 720 : 480}>
      <Typography.Paragraph>{t('批次共 {n} 笔，合计 {amount}。审核通过后可发送银行。', { n: run.lineCount, amount: formatYuan(run.amountFen) })}</Typography.Paragraph>
      {over && (
        <>
          <Alert type="error" showIcon title={t('本批次将超出预算')} style={{ marginBottom: 12 }} />
          <BudgetWarnings warnings={run.warnings} />
          <Checkbox checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} style={{ marginTop: 12 }}>
            {t('我已知悉超出预算，仍审核通过')}
          </Checkbox>
        </>
      )}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
