/**
 * A household's 待遇: every benefit applied for or received, with status, amount per period and
 * dates; a row opens its history. 申请待遇 starts an application here; the payee's bank account
 * is shown below.
 */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import type { HouseholdSummary, PersonView } from '@contracts/registry';
import { ErrorAlert } from '@/components/ErrorAlert';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { formatYuan } from '@/features/policies/money';
import { ApplicationModal } from '../ApplicationModal';
import { householdEnrollments } from '../benefits.api';
import { EnrollmentDrawer } from '../EnrollmentDrawer';
import { EnrollmentTable } from '../EnrollmentTable';
import { BENEFIT_APPLY } from '../permissions';
import { BankAccountCard } from './BankAccountCard';

export function HouseholdBenefits({ household, members }: { household: HouseholdSummary; members: PersonView[] }) {
  const t = useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [openId, setOpenId] = useState<number | null>(null);
  const [applying, setApplying] = useState(false);
  const { data, error, reload } = useRequest((signal) => householdEnrollments(household.id, signal), [household.id]);
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!data) return <Skeleton active />;
  const monthly = data.filter((e) => e.status === 'active' && e.period === 'monthly').reduce((sum, e) => sum + e.amountFen, 0);

  return (
    <Flex vertical gap={16} data-testid="household-benefits">
      <Card className="page-section" size="small" title={t('享受待遇（{n} 项）', { n: data.length })}
        extra={can(BENEFIT_APPLY) && <Button type="primary" icon={<PlusOutlined />} onClick={() => setApplying(true)}>{t('申请待遇')}</Button>}>
        <Typography.Paragraph type="secondary">{t('按月发放合计 {amount}/月', { amount: formatYuan(monthly) })}</Typography.Paragraph>
        <EnrollmentTable rows={data} columns={['policy', 'subject', 'status', 'amount', 'startedOn', 'endedOn', 'source']} onOpen={(e) => setOpenId(e.id)}
          testId="household-enrollments" />
      </Card>
      {household.headPersonId && <BankAccountCard personId={household.headPersonId} payeeName={household.headName ?? ''} />}
      {openId !== null && <EnrollmentDrawer id={openId} onClose={() => setOpenId(null)} onChanged={() => void reload()} />}
      {applying && (
        <ApplicationModal householdId={household.id} members={members.map((m) => ({ id: m.id, name: m.name }))} onClose={() => setApplying(false)}
          onApplied={(e) => {
            setApplying(false);
            message.success(t('已提交申请，等待初审'));
            void reload();
            setOpenId(e.id);
          }} />
      )}
    </Flex>
  );
}
