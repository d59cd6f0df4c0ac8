/**
 * 待遇审批 (/benefits/inbox): applications waiting for the signed-in user — 待初审 for a
 * reviewer, 待审批 for an approver — each opened in a drawer with its evaluation, amounts and
 * steps so far, and decided there. The same person never takes two steps of one application.
 */
import { Card, Tabs } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { RequirePermission } from '@/app/guards';
import { PageHeader } from '@/components/PageHeader';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { listEnrollments } from './benefits.api';
import { EnrollmentDrawer } from './EnrollmentDrawer';
import { EnrollmentList, type ColumnKey } from './EnrollmentTable';
import { BENEFIT_APPROVE, BENEFIT_REVIEW } from './permissions';

type Awaiting = 'review' | 'approval';
const COLUMNS: ColumnKey[] = ['head', 'subject', 'policy', 'amount', 'startedOn', 'applicant', 'reason', 'source', 'status'];

export function InboxPage() {
  const t = useT();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const [openId, setOpenId] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const tabs = ([['review', '待初审', BENEFIT_REVIEW], ['approval', '待审批', BENEFIT_APPROVE]] as const).filter(([, , p]) => can(p));
  const active = (tabs.find(([key]) => key === params.get('tab')) ?? tabs[0])?.[0];
  const counts = useRequest(
    (signal) => Promise.all(tabs.map(([awaiting]) => listEnrollments({ awaiting }, 1, 1, signal).then((p) => p.total))),
    [tabs.length, version],
  );

  return (
    <RequirePermission permission={can(BENEFIT_APPROVE) ? BENEFIT_APPROVE : BENEFIT_REVIEW}>
      <PageHeader title={t('待遇审批')} subtitle={t('发起申请后须经初审和审批方可发放；同一申请的各环节须由不同人员办理。')} />
      <Card className="page-section">
        <Tabs
          activeKey={active}
          onChange={(tab) => setParams({ tab }, { replace: true })}
          items={tabs.map(([key, label], i) => ({
            key,
            label: counts.data ? `${t(label)}（${counts.data[i]}）` : t(label),
            children: key === active && (
              <EnrollmentList filter={{ awaiting: key as Awaiting }} columns={COLUMNS} onOpen={(e) => setOpenId(e.id)} version={version} testId="inbox-table" />
            ),
          }))}
        />
      </Card>
      {openId !== null && <EnrollmentDrawer id={openId} onClose={() => setOpenId(null)} onChanged={() => setVersion((v) => v + 1)} />}
    </RequirePermission>
  );
}
