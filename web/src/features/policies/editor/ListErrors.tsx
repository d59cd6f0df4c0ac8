/** A Form.List's own errors (its rules and the server's), red like a field's — antd's ErrorList outside a Form.Item is not. */
import { Typography } from 'antd';
import type { ReactNode } from 'react';

export function ListErrors({ errors }: { errors: ReactNode[] }) {
  if (errors.length === 0) return null;
  return (
    <div role="alert" style={{ marginBottom: 8 }}>
      {errors.map((error, i) => (
        <Typography.Text key={i} type="danger" style={{ display: 'block' }}>{error}</Typography.Text>
      ))}
    </div>
  );
}
