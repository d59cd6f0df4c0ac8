/** The validation report of an uploaded file: counts, warnings and the errors by row and column. */
import { Alert, Card, Col, Row, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import { useT } from '@/lib/i18n';
import { FIELD_LABELS, type ImportReport, type RowError } from './imports.api';

export function ImportReportView({ report }: { report: ImportReport }) {
  const t = useT();
  const warnings = Array.isArray(report.warnings) ? report.warnings : [];
  const errorCount = report.errorCount ?? report.errors.length;
  const columns: TableColumnsType<RowError & { key: number }> = [
    { title: t('行'), dataIndex: 'row', width: 80, align: 'right' },
    { title: t('列'), dataIndex: 'column', width: 80, render: (c: string) => c || '—' },
    { title: t('字段'), dataIndex: 'field', width: 140, render: (f: string) => t(FIELD_LABELS[f] ?? f) },
    { title: t('错误说明'), dataIndex: 'message' },
  ];

  return (
    <>
      <Row gutter={[16, 16]} className="page-section" data-testid="import-counts">
        <Col xs={12} md={6}><Card><Statistic title={t('数据行')} value={report.rows} /></Card></Col>
        <Col xs={12} md={6}><Card><Statistic title={t('可导入')} value={report.valid} styles={{ content: { color: '#389e0d' } }} /></Card></Col>
        <Col xs={12} md={6}><Card><Statistic title={t('有错误')} value={report.invalid} styles={{ content: { color: report.invalid ? '#cf1322' : undefined } }} /></Card></Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title={t('新增 / 更新 / 跳过')}
              value={report.toInsert !== undefined ? `${report.toInsert} / ${report.toUpdate ?? 0} / ${report.skipped ?? 0}` : '—'}
            />
          </Card>
        </Col>
      </Row>
      {warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="page-section"
          title={t('提示')}
          description={<ul style={{ margin: 0, paddingInlineStart: 20 }}>{warnings.map((w) => <li key={w}>{w}</li>)}</ul>}
        />
      )}
      {report.errors.length > 0 && (
        <Card title={t('错误明细（{n} 处）', { n: errorCount })} className="page-section">
          {report.errorsTruncated && (
            <Typography.Paragraph type="secondary">{t('此处只列出前 {n} 处，完整内容请下载标注错误的工作簿。', { n: report.errors.length })}</Typography.Paragraph>
          )}
          <Table<RowError & { key: number }>
            columns={columns}
            dataSource={report.errors.map((e, key) => ({ ...e, key }))}
            size="small"
            pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            data-testid="import-errors"
          />
        </Card>
      )}
    </>
  );
}
