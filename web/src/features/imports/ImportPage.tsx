/**
 * 数据导入: choose what the file holds and what to do with people already registered,
 * upload it, read the report, download the annotated workbook, then commit — every valid
 * row, or nothing unless the whole file is right.
 */
import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Popconfirm, Progress, Radio, Result, Spin, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { DownloadButton } from '@/components/DownloadButton';
import { PageHeader } from '@/components/PageHeader';
import { useT } from '@/lib/i18n';
import { commitImport, uploadImport, type CommitPolicy, type CommitResult, type ImportKind, type ImportMode, type ImportReport } from './imports.api';
import { ImportReportView } from './ImportReportView';

export function ImportPage() {
  const t = useT();
  const { message } = App.useApp();
  const [kind, setKind] = useState<ImportKind>('persons');
  const [mode, setMode] = useState<ImportMode>('update');
  const [progress, setProgress] = useState<number | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [committing, setCommitting] = useState<CommitPolicy | null>(null);
  const [result, setResult] = useState<CommitResult | null>(null);
  const validating = progress !== null && progress >= 100 && !report && !uploadError;

  const start = async (file: File) => {
    setReport(null);
    setResult(null);
    setUploadError(null);
    setProgress(0);
    try {
      setReport(await uploadImport(kind, mode, file, setProgress));
    } catch (error) {
      setUploadError((error as Error).message);
    } finally {
      setProgress(null);
    }
  };

  const commit = async (policy: CommitPolicy) => {
    if (!report) return;
    setCommitting(policy);
    try {
      setResult(await commitImport(report.id, policy));
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setCommitting(null);
    }
  };

  const reset = () => {
    setReport(null);
    setResult(null);
    setUploadError(null);
  };

  return (
    <>
      <PageHeader title={t('数据导入')} subtitle={t('从 Excel 批量登记人员或家庭；先校验，确认后才写入。')} />
      <Card title={t('1. 选择导入内容')} className="page-section">
        <Form layout="vertical">
          <Form.Item label={t('文件内容')}>
            <Radio.Group value={kind} onChange={(e) => { setKind(e.target.value); reset(); }} optionType="button" buttonStyle="solid"
              options={[{ value: 'persons', label: t('人员') }, { value: 'households', label: t('家庭及成员') }]} />
          </Form.Item>
          <Form.Item label={t('身份证号已登记的人员')}>
            <Radio.Group value={mode} onChange={(e) => { setMode(e.target.value); reset(); }} optionType="button" buttonStyle="solid"
              options={[{ value: 'update', label: t('更新已有') }, { value: 'skip', label: t('跳过已有') }]} />
          </Form.Item>
          <DownloadButton path={`/api/imports/template/${kind}`} fileName={`${kind}-template.xlsx`}>
            {t('下载导入模板')}
          </DownloadButton>
        </Form>
      </Card>
      <Card title={t('2. 上传文件并校验')} className="page-section">
        <Upload.Dragger
          accept=".xlsx,.xls,.csv"
          multiple={false}
          showUploadList={false}
          disabled={progress !== null || committing !== null}
          beforeUpload={(file) => {
            void start(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p className="ant-upload-text">{t('点击或拖入 Excel 文件（.xlsx / .csv）')}</p>
          <p className="ant-upload-hint">{t('第 1 行为表头；列名与模板一致或为常见写法即可')}</p>
        </Upload.Dragger>
        {progress !== null && progress < 100 && <Progress percent={progress} style={{ marginTop: 12 }} />}
        {validating && (
          <Flex align="center" gap={12} style={{ marginTop: 12 }}>
            <Spin /> {t('正在校验，请稍候…')}
          </Flex>
        )}
        {uploadError && <Alert type="error" showIcon title={uploadError} style={{ marginTop: 12 }} />}
      </Card>
      {report && !result && (
        <Spin spinning={committing !== null} description={t('正在导入…')}>
          <Card title={t('3. 校验结果：{file}', { file: report.fileName })} className="page-section">
            <ImportReportView report={report} />
            <Flex gap={12} wrap>
              {report.invalid > 0 && (
                <DownloadButton path={`/api/imports/${report.id}/errors.xlsx`} fileName="import-errors.xlsx">
                  {t('下载标注错误的工作簿')}
                </DownloadButton>
              )}
              <Popconfirm title={t('导入 {n} 条有效数据，跳过有错误的行？', { n: report.valid })} okText={t('导入')} cancelText={t('取消')} onConfirm={() => commit('valid_only')}>
                <Button type="primary" disabled={report.valid === 0} loading={committing === 'valid_only'}>
                  {t('导入全部有效行')}
                </Button>
              </Popconfirm>
              <Button disabled={report.invalid > 0 || report.valid === 0} loading={committing === 'all_or_nothing'} onClick={() => commit('all_or_nothing')}>
                {t('全部正确才导入')}
              </Button>
            </Flex>
          </Card>
        </Spin>
      )}
      {result && (
        <Card className="page-section">
          <Result
            status={result.committed ? 'success' : 'warning'}
            title={result.committed ? t('导入完成') : t('未导入：文件中有错误的行')}
            subTitle={t('新增 {inserted} 条，更新 {updated} 条，跳过 {skipped} 条，错误 {invalid} 条', { inserted: result.inserted, updated: result.updated, skipped: result.skipped, invalid: result.invalid })}
            extra={[
              <Button key="again" onClick={reset}>{t('继续导入')}</Button>,
              <Link key="list" to={kind === 'persons' ? '/persons' : '/households'}>
                <Button type="primary">{kind === 'persons' ? t('查看人员') : t('查看家庭')}</Button>
              </Link>,
            ]}
          />
        </Card>
      )}
    </>
  );
}
