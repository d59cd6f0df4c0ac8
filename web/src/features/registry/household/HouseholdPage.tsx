/** One household: head and address, members, facts current and past, and its history. */
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Flex, Skeleton, Tabs } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageHeader } from '@/components/PageHeader';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { POLICY_READ } from '@/features/policies/permissions';
import { BENEFIT_READ } from '@/features/benefits/permissions';
import { BenefitsTab } from '@/features/benefits/household/BenefitsTab';
import { AssessmentTab } from '@/features/plans/AssessmentTab';
import { PlanTab } from '@/features/plans/PlanTab';
import { VisitsTab } from '@/features/visits/VisitsTab';
import { getHousehold } from '../registry.api';
import { StatusTag } from '../StatusTag';
import { EditAddressModal } from './EditAddressModal';
import { FactsSection } from './FactsSection';
import { HistorySection } from './HistorySection';
import { HouseholdHead } from './HouseholdHead';
import { MembersSection } from './MembersSection';
import { PoliciesTab } from './PoliciesTab';
import { useReveal } from '../reveal/useReveal';

export function HouseholdPage() {
  const t = useT();
  const navigate = useNavigate();
  const { can } = useAuth();
  const id = Number(useParams().id);
  const { data, error, reload } = useRequest((signal) => getHousehold(id, signal), [id]);
  const reveal = useReveal(() => void reload());
  const [editing, setEditing] = useState(false);
  const [params, setParams] = useSearchParams();

  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const { household, members, facts, history } = data;
  const details = (
    <>
      <MembersSection household={household} members={members} reveal={reveal} onChanged={reload} />
      <FactsSection householdId={household.id} facts={facts} members={members} reveal={reveal} onChanged={reload} />
      <HistorySection history={history} />
    </>
  );

  return (
    <>
      <PageHeader
        title={
          <Flex align="center" gap={8}>
            {t('{name} 户', { name: household.headName ?? t('（未指定户主）') })}
            <StatusTag status={household.assistanceStatus} />
          </Flex>
        }
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
            {t('返回')}
          </Button>
        }
      />
      <HouseholdHead
        household={household}
        extra={
          can('registry:write') && (
            <Button type="link" icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('修改地址')}
            </Button>
          )
        }
      />
      {/* ?tab=plan, ?tab=policies, ?tab=benefits open that tab directly (links from reminders, lists and the meeting agenda). */}
      <Tabs
        activeKey={params.get('tab') ?? 'details'}
        onChange={(tab) => setParams(tab === 'details' ? {} : { tab }, { replace: true })}
        items={[
          { key: 'details', label: t('家庭情况'), children: details },
          { key: 'assessment', label: t('困难评估'), children: <AssessmentTab householdId={household.id} /> },
          ...(can('plan:read') ? [{ key: 'plan', label: t('帮扶计划'), children: <PlanTab householdId={household.id} members={members} /> }] : []),
          { key: 'visits', label: t('走访记录'), children: <VisitsTab householdId={household.id} /> },
          ...(can(POLICY_READ) ? [{ key: 'policies', label: t('政策'), children: <PoliciesTab householdId={household.id} /> }] : []),
          ...(can(BENEFIT_READ) ? [{ key: 'benefits', label: t('待遇'), children: <BenefitsTab household={household} members={members} /> }] : []),
        ]}
      />
      {reveal.modal}
      {editing && <EditAddressModal household={household} open onClose={() => setEditing(false)} onSaved={() => { setEditing(false); void reload(); }} />}
    </>
  );
}
