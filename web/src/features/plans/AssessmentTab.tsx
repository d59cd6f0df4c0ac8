/** The household page's 困难评估 tab: this year's assessment, (re)assess, and earlier years. */
import { Button, Card, Descriptions, Empty, Flex, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '@/components/ErrorAlert';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { AssessmentModal } from './AssessmentModal';
import { CAUSE_SEVERITIES, HARDSHIP_CAUSES, HOUSEHOLD_NEEDS, listAssessments, type Assessment } from './plans.api';

const SEVERITY_COLORS = { mild: 'blue', moderate: 'orange', severe: 'red' } as const;

function AssessmentView({ assessment }: { assessment: Assessment }) {
  const t = useT();
  return (
    <Descriptions column={1} size="small" items={[
      { key: 'causes', label: t('致困原因'), children: (
        <Space wrap>{assessment.causes.map((c) => (
          <Tag key={c.cause} color={SEVERITY_COLORS[c.severity]}>{t(HARDSHIP_CAUSES[c.cause])}·{t(CAUSE_SEVERITIES[c.severity])}{c.note ? `（${c.note}）` : ''}</Tag>
        ))}</Space>
      ) },
      { key: 'needs', label: t('需求'), children: assessment.needs.length ? <Space wrap>{assessment.needs.map((n) => <Tag key={n}>{t(HOUSEHOLD_NEEDS[n])}</Tag>)}</Space> : '—' },
      { key: 'summary', label: t('评估说明'), children: assessment.summary ?? '—' },
      { key: 'by', label: t('评估人'), children: `${assessment.assessedByName} · ${assessment.assessedOn}` },
    ]} />
  );
}

export function AssessmentTab({ householdId }: { householdId: number }) {
  const t = useT();
  const { can } = useAuth();
  const year = new Date().getFullYear();
  const [editing, setEditing] = useState(false);
  const { data, error, loading, reload } = useRequest((signal) => listAssessments(householdId, signal), [householdId]);
  const current = data?.find((a) => a.year === year) ?? null;
  const earlier = (data ?? []).filter((a) => a.year !== year);
  return (
    <Flex vertical gap={16} data-testid="household-assessment">
      {error && <ErrorAlert error={error} onRetry={reload} />}
      <Card loading={loading && !data} title={t('{year} 年度评估', { year })}
        extra={can('registry:write') && <Button type="primary" onClick={() => setEditing(true)}>{current ? t('重新评估') : t('评估')}</Button>}>
        {current ? <AssessmentView assessment={current} /> : <Empty description={t('{year} 年度尚未评估', { year })} />}
      </Card>
      {earlier.length > 0 && (
        <Card title={t('往年评估')} size="small">
          {earlier.map((a) => (
            <div key={a.id}>
              <Typography.Title level={5}>{a.year}</Typography.Title>
              <AssessmentView assessment={a} />
            </div>
          ))}
        </Card>
      )}
      {editing && <AssessmentModal householdId={householdId} year={year} current={current} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); void reload(); }} />}
    </Flex>
  );
}
