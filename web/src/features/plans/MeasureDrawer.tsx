/** A measure from the plan owner's side: everything about it, its record, and what may be done next. */
import { Descriptions, Drawer, Space } from 'antd';
import { Link } from 'react-router-dom';
import { ENROLLMENT_STATUS_LABELS, type EnrollmentStatus } from '@contracts/benefits';
import { ErrorAlert } from '@/components/ErrorAlert';
import { formatYuan } from '@/features/policies/money';
import { useT } from '@/lib/i18n';
import { useIsMobile } from '@/lib/useMedia';
import { useRequest } from '@/lib/useRequest';
import { Deadline, MeasureStatusTag, MeasureTypeTag, ReferralTag } from './measure-tags';
import { MeasureActions } from './MeasureActions';
import { MeasureHistory } from './MeasureHistory';
import { getMeasure } from './plans.api';

export function MeasureDrawer({ measureId, ownerOrgId, onClose, onChanged }: { measureId: number; ownerOrgId?: number; onClose: () => void; onChanged: () => void }) {
  const t = useT();
  const mobile = useIsMobile();
  const { data: m, error, reload } = useRequest((signal) => getMeasure(measureId, signal), [measureId]);
  return (
    <Drawer open onClose={onClose} size={mobile ? '100%' : 640} title={m?.title ?? t('措施')} data-testid="measure-drawer" loading={!m && !error}>
      {error && <ErrorAlert error={error} onRetry={reload} />}
      {m && (
        <>
          <Descriptions column={1} size="small" style={{ marginBottom: 16 }} items={[
            { key: 'state', label: t('状态'), children: <Space size={4} wrap><MeasureTypeTag type={m.type} /><MeasureStatusTag status={m.status} /><ReferralTag referral={m.referral} /></Space> },
            { key: 'person', label: t('帮扶对象'), children: m.personName ?? t('全户') },
            { key: 'org', label: t('责任单位'), children: `${m.responsibleOrgName}${m.responsiblePerson ? ` · ${m.responsiblePerson}` : ''}` },
            ...(m.ccOrgNames.length ? [{ key: 'cc', label: t('抄送'), children: m.ccOrgNames.join('、') }] : []),
            { key: 'deadline', label: t('完成期限'), children: <Deadline deadline={m.deadline} overdue={m.overdue} /> },
            ...(m.amountFen !== null ? [{ key: 'amount', label: t('金额'), children: `${formatYuan(m.amountFen)}（${(m.funding ?? []).map((f) => `${f.source} ${formatYuan(f.amountFen)}`).join('、')}）` }] : []),
            ...(m.enrollmentId ? [{ key: 'enrollment', label: t('关联待遇'), children: (
              <Link to={`/households/${m.householdId}?tab=benefits`} onClick={onClose}>
                {m.enrollmentStatus ? t(ENROLLMENT_STATUS_LABELS[m.enrollmentStatus as EnrollmentStatus] ?? m.enrollmentStatus) : `#${m.enrollmentId}`}
              </Link>
            ) }] : []),
            ...(m.detail ? [{ key: 'detail', label: t('说明'), children: m.detail }] : []),
            ...(m.statusNote ? [{ key: 'note', label: t('最新情况'), children: m.statusNote }] : []),
          ]} />
          <div style={{ marginBottom: 16 }}>
            <MeasureActions measure={m} ownerOrgId={ownerOrgId} onChanged={() => { void reload(); onChanged(); }} />
          </div>
          <MeasureHistory measureId={m.id} events={m.events} attachments={m.attachments} />
        </>
      )}
    </Drawer>
  );
}
