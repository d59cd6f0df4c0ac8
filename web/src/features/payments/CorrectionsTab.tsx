/**
 * 补发追回: arrears and recovery lines of a run (a backdated start, stop or recompute). A
 * caseworker selects lines and agrees — or disagrees with a reason, which voids them — before
 * the run can be approved.
 */
import { Button, Flex, Segmented, Typography } from 'antd';
import { useState, type Key } from 'react';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { BENEFIT_REVIEW } from '@/features/benefits/permissions';
import { ReasonModal } from '@/components/ReasonModal';
import { LinesTable } from './LinesTable';
import { reviewLines, type LineFilter, type PaymentRun } from './payments.api';

type Shown = 'pending' | 'arrears' | 'recovery';
const FILTERS: Record<Shown, LineFilter> = { pending: { reviewPending: true }, arrears: { kind: 'arrears' }, recovery: { kind: 'recovery' } };

export function CorrectionsTab({ run, onChanged }: { run: PaymentRun; onChanged: (run: PaymentRun) => void }) {
  const t = useT();
  const { can } = useAuth();
  const [shown, setShown] = useState<Shown>('pending');
  const [keys, setKeys] = useState<Key[]>([]);
  const [declining, setDeclining] = useState(false);
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);
  const reviewer = can(BENEFIT_REVIEW) && run.status === 'draft';

  const review = async (accept: boolean, reason: string | null) => {
    const next = await reviewLines(run.id, keys.map(Number), accept, reason);
    setKeys([]);
    setVersion((v) => v + 1);
    onChanged(next);
  };
  const accept = async () => {
    setBusy(true);
    try {
      await review(true, null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" wrap gap={8} align="center">
        <Segmented<Shown> value={shown} onChange={(v) => { setShown(v); setKeys([]); }}
          options={[{ value: 'pending', label: t('待审核（{n}）', { n: run.pendingReview }) }, { value: 'arrears', label: t('补发') }, { value: 'recovery', label: t('追回') }]} />
        {reviewer && (
          <Flex gap={8} align="center" wrap>
            <Typography.Text type="secondary">{t('已选 {n} 条', { n: keys.length })}</Typography.Text>
            <Button type="primary" disabled={!keys.length} loading={busy} onClick={accept}>{t('同意')}</Button>
            <Button danger disabled={!keys.length} onClick={() => setDeclining(true)}>{t('不同意')}</Button>
          </Flex>
        )}
      </Flex>
      <LinesTable runId={run.id} filter={FILTERS[shown]} version={version} selection={reviewer ? { keys, onChange: setKeys } : undefined} testId="correction-lines" />
      {declining && (
        <ReasonModal title={t('不同意补发或追回')} reasonLabel={t('不同意的原因')} subject={t('不同意的 {n} 条明细将作废。', { n: keys.length })}
          onClose={() => setDeclining(false)} onSubmit={async ({ reason }) => { await review(false, reason); setDeclining(false); }} />
      )}
    </Flex>
  );
}
