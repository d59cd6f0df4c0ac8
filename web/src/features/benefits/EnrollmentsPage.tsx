/**
 * 享受名单 (/enrollments): every application and enrollment in the user's scope, filtered by
 * status and policy; a row opens the drawer where 停发 / 暂停 / 恢复 / 重新测算 are done.
 */
import { Card, Flex, Select } from 'antd';
import { useState } from 'react';
import { ENROLLMENT_STATUS_LABELS, type EnrollmentStatus } from '@contracts/benefits';
import { PageHeader } from '@/components/PageHeader';
import { useT } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { listPolicies } from '@/features/policies/policies.api';
import { EnrollmentDrawer } from './EnrollmentDrawer';
import { EnrollmentList, type ColumnKey } from './EnrollmentTable';
import { useQueryParams } from '@/lib/useQueryParams';

const COLUMNS: ColumnKey[] = ['head', 'subject', 'policy', 'status', 'amount', 'startedOn', 'endedOn', 'region', 'source'];
const STATUSES = Object.keys(ENROLLMENT_STATUS_LABELS) as EnrollmentStatus[];

export function EnrollmentsPage() {
  const t = useT();
  const [params, set] = useQueryParams();
  const [openId, setOpenId] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const policies = useRequest((signal) => listPolicies(signal), []);
  const status = (params.get('status')?.split(',').filter(Boolean) ?? []) as EnrollmentStatus[];
  const policyCode = params.get('policy') ?? undefined;

  return (
    <>
      <PageHeader title={t('享受名单')} subtitle={t('全部待遇申请和享受记录；点击详情查看办理记录，或停发、暂停、恢复、重新测算。')} />
      <Card className="page-section">
        <Flex vertical gap={12}>
          <Flex wrap gap={12} className="list-filters">
            <Select mode="multiple" allowClear placeholder={t('状态')} aria-label={t('状态')} value={status}
              onChange={(v: EnrollmentStatus[]) => set('status', v.join(','))}
              options={STATUSES.map((s) => ({ value: s, label: t(ENROLLMENT_STATUS_LABELS[s]) }))} />
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('政策')} aria-label={t('政策')} value={policyCode}
              onChange={(v?: string) => set('policy', v)} loading={policies.loading}
              options={(policies.data ?? []).map((p) => ({ value: p.code, label: p.nameZh }))} />
          </Flex>
          <EnrollmentList filter={{ status: status.length ? status : undefined, policyCode }} columns={COLUMNS} onOpen={(e) => setOpenId(e.id)}
            version={version} testId="enrollments-table" />
        </Flex>
      </Card>
      {openId !== null && <EnrollmentDrawer id={openId} onClose={() => setOpenId(null)} onChanged={() => setVersion((v) => v + 1)} />}
    </>
  );
}
