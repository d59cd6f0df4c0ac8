/**
 * 导入回盘: the bank's return file (CSV or xlsx: 流水号, 金额（元）, 处理结果, 失败原因) is
 * checked against the batch as a whole; the result — paid, failed, still outstanding — or the
 * problems by row (nothing was changed) show in a dialog.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Modal, Row, Statistic, Table, Upload } from 'antd';
import { useState } from 'react';
import { ApiError, type FieldProblem } from '@/lib/api';
import { useT } from '@/lib/i18n';
import { formatYuan } from '@/features/policies/money';
import { importBankReturn, type BankReturnReport } from './payments.api';

type Outcome = { report: BankReturnReport } | { error: string; problems: FieldProblem[] };

export function BankReturnButton({ runId, onImported }: { runId: number; onImported: () => void }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const send = async (file: File) => {
    setBusy(true);
    try {
      const report = await importBankReturn(runId, file);
      setOutcome({ report });
      onImported();
    } catch (error) {
      setOutcome({ error: (error as Error).message, problems: error instanceof ApiError ? error.problems : [] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Upload accept=".csv,.xlsx" showUploadList={false} beforeUpload={(file) => { void send(file); return false; }}>
        <Button icon={<UploadOutlined />} loading={busy}>{t('导入回盘')}</Button>
      </Upload>
      {outcome && (
        <Modal open title={t('回盘导入结果')} footer={null} onCancel={() => setOutcome(null)} width={680}>
          {'report' in outcome ? (
            <div data-testid="bank-return-report">
              <Alert type={outcome.report.reconciled ? 'success' : 'info'} showIcon style={{ marginBottom: 16 }}
                title={outcome.report.reconciled ? t('已全部对账') : t('尚有 {n} 笔未回盘', { n: outcome.report.outstanding })} />
              <Row gutter={16}>
                <Col span={8}><Statistic title={t('回盘行数')} value={outcome.report.rows} /></Col>
                <Col span={8}><Statistic title={t('成功')} value={outcome.report.paid} suffix={formatYuan(outcome.report.paidFen)} styles={{ suffix: { fontSize: 13 } }} /></Col>
                <Col span={8}><Statistic title={t('失败')} value={outcome.report.failed} suffix={formatYuan(outcome.report.failedFen)} styles={{ suffix: { fontSize: 13 } }} /></Col>
              </Row>
            </div>
          ) : (
            <div data-testid="bank-return-problems">
              <Alert type="error" showIcon title={outcome.error} description={t('回盘文件有误，未做任何更改。')} style={{ marginBottom: 12 }} />
              {outcome.problems.length > 0 && (
                <Table<FieldProblem & { key: number }> size="small" pagination={{ pageSize: 10, hideOnSinglePage: true }} scroll={{ x: 'max-content' }}
                  dataSource={outcome.problems.map((p, key) => ({ ...p, key }))}
                  columns={[
                    { title: t('行'), dataIndex: 'row', width: 70, align: 'right' },
                    { title: t('字段'), dataIndex: 'field', width: 120 },
                    { title: t('问题'), dataIndex: 'message' },
                  ]} />
              )}
            </div>
          )}
        </Modal>
      )}
    </>
  );
}
