/**
 * What can be done with a run now, by its status and the user's permissions: 审核通过 / 驳回 a
 * draft, 发送银行 an approved run, 下载代发文件 and 导入回盘 once sent, 重发失败明细 after a
 * return with failures (a new draft run, opened at once).
 */
import { SendOutlined, RedoOutlined } from '@ant-design/icons';
import { App, Button, Flex } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { DownloadButton } from '@/components/DownloadButton';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { formatYuan } from '@/features/policies/money';
import { PAYMENT_APPROVE, PAYMENT_RUN } from '@/features/benefits/permissions';
import { ReasonModal } from '@/components/ReasonModal';
import { ApproveModal } from './ApproveModal';
import { BankReturnButton } from './BankReturnButton';
import { bankFilePath, rejectRun, reissueFailed, releaseRun, type PaymentRun } from './payments.api';

export function RunActions({ run, onChanged }: { run: PaymentRun; onChanged: (run?: PaymentRun) => void }) {
  const t = useT();
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState<'approve' | 'reject' | null>(null);
  const approver = can(PAYMENT_APPROVE);
  const sent = run.status === 'released' || run.status === 'reconciled';

  const release = () =>
    modal.confirm({
      title: t('发送银行？'),
      content: t('将 {n} 笔、合计 {amount} 的代发批次发送银行；发送后不能再修改。', { n: run.lineCount, amount: formatYuan(run.amountFen) }),
      okText: t('发送银行'),
      cancelText: t('取消'),
      onOk: async () => {
        try {
          onChanged(await releaseRun(run.id));
          message.success(t('已发送银行，请下载代发文件'));
        } catch (error) {
          message.error((error as Error).message);
        }
      },
    });

  const reissue = async () => {
    try {
      const next = await reissueFailed(run.id);
      message.success(t('已生成重发批次（第 {id} 号），待审核', { id: next.id }));
      navigate(`/payments/${next.id}`);
    } catch (error) {
      message.error((error as Error).message);
    }
  };

  return (
    <Flex gap={8} wrap data-testid="run-actions">
      {run.status === 'draft' && approver && (
        <>
          <Button type="primary" disabled={run.pendingReview > 0} title={run.pendingReview > 0 ? t('补发追回尚未审核完') : undefined} onClick={() => setOpen('approve')}>
            {t('审核通过')}
          </Button>
          <Button danger onClick={() => setOpen('reject')}>{t('驳回')}</Button>
        </>
      )}
      {run.status === 'approved' && approver && <Button type="primary" icon={<SendOutlined />} onClick={release}>{t('发送银行')}</Button>}
      {sent && approver && (
        <>
          <DownloadButton path={bankFilePath(run.id)} query={{ format: 'xlsx' }} fileName={`代发文件-${run.id}.xlsx`}>{t('下载代发文件（xlsx）')}</DownloadButton>
          <DownloadButton path={bankFilePath(run.id)} query={{ format: 'csv' }} fileName={`代发文件-${run.id}.csv`}>{t('下载代发文件（csv）')}</DownloadButton>
          <BankReturnButton runId={run.id} onImported={() => onChanged()} />
        </>
      )}
      {sent && run.settled.failed > 0 && can(PAYMENT_RUN) && <Button icon={<RedoOutlined />} onClick={reissue}>{t('重发失败明细')}</Button>}
      {open === 'approve' && <ApproveModal run={run} onClose={() => setOpen(null)} onApproved={(r) => { setOpen(null); onChanged(r); message.success(t('已审核通过')); }} />}
      {open === 'reject' && (
        <ReasonModal title={t('驳回')} reasonLabel={t('驳回原因')} subject={t('驳回后本批次明细作废，可重新生成。')} onClose={() => setOpen(null)}
          onSubmit={async ({ reason }) => { onChanged(await rejectRun(run.id, reason ?? '')); setOpen(null); }} />
      )}
    </Flex>
  );
}
