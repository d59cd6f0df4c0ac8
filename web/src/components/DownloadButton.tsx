/** A button that downloads a file from the API (export, template, error workbook) and reports failure. */
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, type ButtonProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { download, type Query } from '@/lib/api';

export interface DownloadButtonProps extends Omit<ButtonProps, 'onClick' | 'loading'> {
  path: string;
  query?: Query;
  fileName: string;
  children: ReactNode;
}

export function DownloadButton({ path, query, fileName, children, ...button }: DownloadButtonProps) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      await download(path, query, fileName);
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} {...button} loading={busy} onClick={onClick}>
      {children}
    </Button>
  );
}
