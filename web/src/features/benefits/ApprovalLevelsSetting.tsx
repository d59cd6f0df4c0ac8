/** A policy's approval levels (one approval, or two by different people), changed in place by a policy writer. */
import { App, Select } from 'antd';
import { useState } from 'react';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { setApprovalLevels } from './benefits.api';

export function ApprovalLevelsSetting({ policyCode, levels }: { policyCode: string; levels: 1 | 2 }) {
  const t = useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [value, setValue] = useState(levels);
  const [busy, setBusy] = useState(false);
  const options = [{ value: 1, label: t('一级审批') }, { value: 2, label: t('两级审批') }];
  if (!can('policy:write')) return <>{options.find((o) => o.value === value)?.label}</>;

  const change = async (next: 1 | 2) => {
    setBusy(true);
    try {
      setValue((await setApprovalLevels(policyCode, next)).approvalLevels);
      message.success(t('已设置，新提交的申请按此审批'));
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return <Select<1 | 2> size="small" value={value} loading={busy} onChange={change} options={options} aria-label={t('审批级数')} style={{ minWidth: 120 }} />;
}
