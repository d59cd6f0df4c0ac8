/**
 * One enrollment in a drawer: who receives what from when, the steps taken (who, when, why),
 * the amounts over time, the evaluation it was decided on, and what can be done with it now.
 */
import { Descriptions, Drawer, Flex, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { EnrollmentDetail } from '@contracts/benefits';
import { ErrorAlert } from '@/components/ErrorAlert';
import { formatDateTime } from '@/lib/dayjs';
import { useT } from '@/lib/i18n';
import { useIsMobile } from '@/lib/useMedia';
import { useRequest } from '@/lib/useRequest';
import { formatYuan } from '@/features/policies/money';
import { getEnrollment } from './benefits.api';
import { EnrollmentActions } from './EnrollmentActions';
import { EnrollmentTimeline, TermsTable } from './EnrollmentHistory';
import { EvaluationView } from './EvaluationView';
import { EnrollmentStatusTag, PeriodAmount, SubjectName } from './tags';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div style={{ marginTop: 20 }}>
      <Typography.Title level={5}>{title}</Typography.Title>
      {children}
    </div>
  );
}

function Facts({ e }: { e: EnrollmentDetail }) {
  const t = useT();
  const split = e.funding?.length ? e.funding.map((f) => `${f.source} ${formatYuan(f.weight)}`).join('；') : null;
  return (
    <Descriptions size="small" column={1} items={[
      { key: 'status', label: t('状态'), children: <EnrollmentStatusTag status={e.status} /> },
      { key: 'subject', label: t('对象'), children: <SubjectName enrollment={e} /> },
      { key: 'household', label: t('家庭'), children: <Link to={`/households/${e.householdId}?tab=benefits`}>{t('{name} 户', { name: e.headName ?? '' })}</Link> },
      { key: 'region', label: t('区划'), children: e.regionName ?? e.regionCode },
      { key: 'amount', label: t('每期金额'), children: <PeriodAmount enrollment={e} /> },
      { key: 'dates', label: t('享受期间'), children: `${e.startedOn} ~ ${e.endedOn ?? t('至今')}` },
      { key: 'paid', label: t('已发放'), children: formatYuan(e.paidFen) },
      { key: 'levels', label: t('审批级数'), children: e.approvalLevels === 2 ? t('两级审批') : t('一级审批') },
      { key: 'source', label: t('来源'), children: t(e.source) },
      { key: 'applicant', label: t('申请人'), children: e.appliedByName ? `${e.appliedByName} · ${formatDateTime(e.createdAt)}` : '—' },
      { key: 'reason', label: t('申请理由'), children: e.applicationReason ?? '—' },
      ...(split ? [{ key: 'funding', label: t('资金分摊'), children: split }] : []),
    ]} />
  );
}

interface Props {
  id: number;
  onClose: () => void;
  /** After a step or change: the caller refreshes its list. */
  onChanged?: (enrollment: EnrollmentDetail) => void;
}

export function EnrollmentDrawer({ id, onClose, onChanged }: Props) {
  const t = useT();
  const mobile = useIsMobile();
  const { data, error, reload } = useRequest((signal) => getEnrollment(id, signal), [id]);
  return (
    <Drawer open onClose={onClose} size={mobile ? '100%' : 640} title={data ? `${data.policyName} · ${data.personName ?? t('{name} 户', { name: data.headName ?? '' })}` : t('加载中…')}
>
      {error && <ErrorAlert error={error} onRetry={reload} />}
      {!data ? (
        !error && <Skeleton active />
      ) : (
        <Flex vertical data-testid="enrollment-drawer">
          <EnrollmentActions enrollment={data} onChanged={(e) => { void reload(); onChanged?.(e); }} />
          <Section title={t('基本情况')}><Facts e={data} /></Section>
          <Section title={t('办理记录')}><EnrollmentTimeline events={data.events} /></Section>
          {data.terms.length > 0 && <Section title={t('金额期间')}><TermsTable terms={data.terms} /></Section>}
          <Section title={t('测算依据')}><EvaluationView evaluation={data.evaluation} /></Section>
        </Flex>
      )}
    </Drawer>
  );
}
