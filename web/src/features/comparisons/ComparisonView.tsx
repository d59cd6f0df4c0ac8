/**
 * One comparison by its state: the column mapping to confirm (after upload, or again after a
 * rejected or failed run), the progress while it runs, the roll's errors by row and field when
 * it was refused, and the counts and lists once it has completed.
 */
import { Alert, Card, Descriptions, Flex, Progress, Skeleton, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '@/components/ErrorAlert';
import { formatDateTime } from '@/lib/dayjs';
import { useT } from '@/lib/i18n';
import { ComparisonResult } from './ComparisonResult';
import { getComparison, ROLL_FIELD_LABELS, ROLL_KIND_LABELS, type ComparisonRun, type RollError, type RollField } from './comparisons.api';
import { MappingStep } from './MappingStep';
import { StatusTag } from './RunHistory';

const POLL_MS = 500;
const STAGES = ['读取名册', '检查重复', '匹配台账', '统计'];

/** The run, read again every half second while it is running. */
function usePolledComparison(id: number, onFinished: () => void) {
  const [run, setRun] = useState<ComparisonRun | null>(null);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const current = await getComparison(id);
        if (stopped) return;
        setRun(current);
        setError(null);
        if (current.status === 'running') timer = setTimeout(poll, POLL_MS);
        else onFinished();
      } catch (e) {
        if (!stopped) setError(e as Error);
      }
    };
    if (!run || run.status === 'running') void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, run?.status]);
  return { run, error, setRun };
}

function RunningProgress({ run }: { run: ComparisonRun }) {
  const t = useT();
  const stage = run.progress?.stage ?? '';
  const index = STAGES.indexOf(stage);
  const percent = index < 0 ? 2 : Math.round(((index + 0.5) / STAGES.length) * 100);
  return (
    <Flex vertical gap={8} data-testid="comparison-progress">
      <Progress percent={percent} status="active" />
      <Typography.Text type="secondary">
        {stage ? t(stage) : t('准备中…')}
        {run.progress?.rows ? t('（已读取 {n} 行）', { n: run.progress.rows }) : ''}
      </Typography.Text>
    </Flex>
  );
}

function RollErrors({ run }: { run: ComparisonRun }) {
  const t = useT();
  const label = (field: string) => {
    const key = field.replace(/^mapping\./, '') as RollField;
    return ROLL_FIELD_LABELS[key] ? t(ROLL_FIELD_LABELS[key]) : field === 'file' ? t('文件') : field;
  };
  return (
    <Flex vertical gap={12} data-testid="roll-errors">
      <Alert type="error" showIcon title={run.message} description={run.errorCount > run.errors.length ? t('共 {n} 处错误，下表列出前 {m} 处', { n: run.errorCount, m: run.errors.length }) : undefined} />
      <Table<RollError> rowKey={(e) => `${e.row}-${e.column}-${e.field}-${e.message}`} dataSource={run.errors} size="small" scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('行'), dataIndex: 'row', width: 70 },
          { title: t('列'), dataIndex: 'column', width: 60 },
          { title: t('项目'), dataIndex: 'field', render: label, width: 110 },
          { title: t('问题'), dataIndex: 'message' },
        ]} />
    </Flex>
  );
}

export function ComparisonView({ id, onChanged }: { id: number; onChanged: () => void }) {
  const t = useT();
  const { run, error, setRun } = usePolledComparison(id, onChanged);
  if (error) return <ErrorAlert error={error} />;
  if (!run) return <Skeleton active />;
  const needsMapping = run.status === 'uploaded' || run.status === 'rejected' || run.status === 'failed';

  return (
    <>
      <Card className="page-section" title={<Flex gap={8} align="center" wrap>{t(ROLL_KIND_LABELS[run.kind])}：{run.fileName}<StatusTag status={run.status} /></Flex>}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} items={[
          { key: 'by', label: t('上传人'), children: run.createdByName ?? '—' },
          { key: 'org', label: t('所属单位'), children: run.orgName },
          { key: 'at', label: t('上传时间'), children: formatDateTime(run.createdAt) },
          { key: 'done', label: t('完成时间'), children: formatDateTime(run.finishedAt) || '—' },
        ]} />
        {run.status === 'running' && <RunningProgress run={run} />}
        {run.status === 'rejected' && <RollErrors run={run} />}
        {run.status === 'failed' && <Alert type="warning" showIcon title={run.message} />}
      </Card>
      {needsMapping && (
        <MappingStep run={run} onStarted={(started) => {
          setRun(started);
          onChanged();
        }} />
      )}
      {run.status === 'completed' && <ComparisonResult run={run} onDecided={async () => setRun(await getComparison(id))} />}
    </>
  );
}
