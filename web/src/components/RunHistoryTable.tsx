/** Earlier runs of something (policy runs, comparisons), newest first; a row opens it, the open one is marked. */
import { Table, type TableColumnsType } from 'antd';
import { useNavigate } from 'react-router-dom';

interface Props<T extends { id: number }> {
  runs: T[];
  loading: boolean;
  columns: TableColumnsType<T>;
  /** Where a row leads, e.g. `/comparisons/12`. */
  linkTo: (run: T) => string;
  selected?: number;
  testId: string;
}

export function RunHistoryTable<T extends { id: number }>({ runs, loading, columns, linkTo, selected, testId }: Props<T>) {
  const navigate = useNavigate();
  return (
    <Table<T>
      rowKey="id"
      columns={columns}
      dataSource={runs}
      loading={loading}
      size="small"
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      rowClassName={(r) => (r.id === selected ? 'ant-table-row-selected' : '')}
      onRow={(r) => ({ onClick: () => navigate(linkTo(r)), style: { cursor: 'pointer' } })}
      data-testid={testId}
    />
  );
}
