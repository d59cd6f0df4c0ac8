/** An audit entry's before, after and detail as readable JSON. */
import { Col, Row, Typography } from 'antd';
import { useT } from '@/lib/i18n';
import type { AuditEntry } from './audit.api';

function Json({ title, value }: { title: string; value: unknown }) {
  if (value === null || value === undefined) return null;
  return (
    <Col xs={24} lg={8}>
      <Typography.Text strong>{title}</Typography.Text>
      <pre className="json-view">{JSON.stringify(value, null, 2)}</pre>
    </Col>
  );
}

export function AuditDetail({ entry }: { entry: AuditEntry }) {
  const t = useT();
  return (
    <Row gutter={16}>
      <Json title={t('变更前')} value={entry.before} />
      <Json title={t('变更后')} value={entry.after} />
      <Json title={t('详情')} value={entry.detail} />
    </Row>
  );
}
