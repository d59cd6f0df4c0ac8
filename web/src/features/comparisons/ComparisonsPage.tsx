/**
 * 信息比对 (/comparisons, /comparisons/:id): choose the kind of roll another department sent,
 * upload it, confirm which column holds what, follow the run, then act on its lists
 * (应纳入 / 应变更 / 应退出 / 未匹配 / 信息不一致); earlier comparisons below.
 */
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Card, Flex, Form, Progress, Radio, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { DownloadButton } from '@/components/DownloadButton';
import { PageHeader } from '@/components/PageHeader';
import { useT } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { ComparisonView } from './ComparisonView';
import { listComparisons, ROLL_KIND_HELP, ROLL_KIND_LABELS, ROLL_KINDS, templatePath, uploadRoll, type ComparisonRun, type RollKind } from './comparisons.api';
import { RunHistory } from './RunHistory';
import './i18n-en';

function NewComparison({ onUploaded }: { onUploaded: (run: ComparisonRun) => void }) {
  const t = useT();
  const [kind, setKind] = useState<RollKind>('dibao');
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const start = async (file: File) => {
    setError(null);
    setProgress(0);
    try {
      onUploaded(await uploadRoll(kind, file, setProgress));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setProgress(null);
    }
  };

  return (
    <Card title={t('新建比对')} className="page-section">
      <Form layout="vertical">
        <Form.Item label={t('名册类型')} extra={t(ROLL_KIND_HELP[kind])}>
          <Radio.Group value={kind} onChange={(e) => setKind(e.target.value)} optionType="button" buttonStyle="solid" data-testid="roll-kind"
            options={ROLL_KINDS.map((k) => ({ value: k, label: t(ROLL_KIND_LABELS[k]) }))} />
        </Form.Item>
        <Form.Item>
          <DownloadButton path={templatePath(kind)} fileName={`${kind}-template.xlsx`}>{t('下载名册模板')}</DownloadButton>
        </Form.Item>
      </Form>
      <Upload.Dragger accept=".xlsx,.csv" multiple={false} showUploadList={false} disabled={progress !== null}
        beforeUpload={(file) => {
          void start(file);
          return false;
        }}>
        <p className="ant-upload-drag-icon"><InboxOutlined /></p>
        <p className="ant-upload-text">{t('点击或拖入名册文件（.xlsx / .csv）')}</p>
        <p className="ant-upload-hint">{t('第 1 行为表头；列名不同也可以，下一步选择每项所在的列')}</p>
      </Upload.Dragger>
      {progress !== null && <Progress percent={progress} style={{ marginTop: 12 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
    </Card>
  );
}

export function ComparisonsPage() {
  const t = useT();
  const navigate = useNavigate();
  const id = Number(useParams().id) || null;
  const history = useRequest((signal) => listComparisons(signal), []);

  return (
    <>
      <PageHeader title={t('信息比对')} subtitle={t('导入其他部门的名册，按身份证号与台账逐人比对：应享尽享、应退则退。')} />
      {id ? (
        <>
          <Flex style={{ marginBottom: 12 }}>
            <Typography.Link onClick={() => navigate('/comparisons')}>{t('← 新建比对')}</Typography.Link>
          </Flex>
          <ComparisonView key={id} id={id} onChanged={() => void history.reload()} />
        </>
      ) : (
        <NewComparison onUploaded={(run) => navigate(`/comparisons/${run.id}`)} />
      )}
      <Card title={t('比对记录')} className="page-section">
        <RunHistory runs={history.data ?? []} loading={history.loading} selected={id ?? undefined} />
      </Card>
    </>
  );
}
