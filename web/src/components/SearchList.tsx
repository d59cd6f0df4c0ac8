/**
 * The list page pattern shared by households and persons: one search box (name, pinyin
 * initials, ID number or phone), filters, a paginated table — or cards on a phone — with
 * the state kept in the URL so reload and back keep the search.
 */
import { Empty, Flex, Input, Pagination, Spin, Table, type TableColumnsType } from 'antd';
import { useMemo, type Key, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useT } from '@/lib/i18n';
import { useIsNarrow } from '@/lib/useMedia';
import { useRequest } from '@/lib/useRequest';
import { ErrorAlert } from './ErrorAlert';

export interface Page<T> {
  items: T[];
  total: number;
  totalCapped: boolean;
}

export type FilterValues = Record<string, string | undefined>;
/** The search text `q` and the filters in `values`, plus the page. */
export interface ListQuery {
  values: FilterValues;
  page: number;
  pageSize: number;
}

export interface SearchListProps<T> {
  filterKeys: string[];
  load: (query: ListQuery, signal: AbortSignal) => Promise<Page<T>>;
  columns: TableColumnsType<T>;
  rowKey: (row: T) => Key;
  searchPlaceholder: string;
  renderFilters?: (values: FilterValues, set: (key: string, value: string | undefined) => void) => ReactNode;
  renderCard?: (row: T) => ReactNode;
  toolbar?: (query: ListQuery) => ReactNode;
  testId?: string;
}

export function SearchList<T extends object>(props: SearchListProps<T>) {
  const { filterKeys, load, columns, rowKey, searchPlaceholder, renderFilters, renderCard, toolbar, testId } = props;
  const t = useT();
  const narrow = useIsNarrow();
  const [params, setParams] = useSearchParams();
  const query = useMemo<ListQuery>(() => {
    const values: FilterValues = { q: params.get('q') ?? undefined };
    for (const key of filterKeys) values[key] = params.get(key) ?? undefined;
    return { values, page: Number(params.get('page') ?? 1) || 1, pageSize: Number(params.get('pageSize') ?? 20) || 20 };
  }, [params, filterKeys]);
  const { data, loading, error } = useRequest((signal) => load(query, signal), [JSON.stringify(query)]);

  const update = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };

  const totalText = data ? t('共 {n} 条', { n: data.totalCapped ? `${data.total}+` : data.total }) : '';
  const pagination = {
    current: query.page,
    pageSize: query.pageSize,
    total: data?.total ?? 0,
    showSizeChanger: !narrow,
    showTotal: () => totalText,
    onChange: (page: number, pageSize: number) => update({ page, pageSize: pageSize === 20 ? undefined : pageSize }),
  };

  return (
    <Flex vertical gap={16} data-testid={testId}>
      <Flex wrap gap={12} align="center">
        <Input.Search
          key={query.values.q ?? ''}
          defaultValue={query.values.q}
          placeholder={searchPlaceholder}
          allowClear
          enterButton={t('搜索')}
          size="large"
          aria-label={t('搜索')}
          style={{ flex: '1 1 320px', maxWidth: 560 }}
          onSearch={(value) => update({ q: value.trim() || undefined })}
        />
        {toolbar && <Flex gap={8} wrap>{toolbar(query)}</Flex>}
      </Flex>
      {renderFilters && (
        <Flex wrap gap={12} className="list-filters">
          {renderFilters(query.values, (key, value) => update({ [key]: value }))}
        </Flex>
      )}
      {error && <ErrorAlert error={error} />}
      {narrow && renderCard ? (
        <Spin spinning={loading}>
          <Flex vertical gap={12} className="card-list">
            {(data?.items ?? []).map((row) => (
              <div key={rowKey(row)}>{renderCard(row)}</div>
            ))}
            {data && data.items.length === 0 && <Empty description={t('没有符合条件的记录')} />}
          </Flex>
          {data && data.total > 0 && (
            <Flex justify="center" style={{ marginTop: 12 }}>
              <Pagination simple {...pagination} />
            </Flex>
          )}
        </Spin>
      ) : (
        <Table<T>
          rowKey={rowKey}
          columns={columns}
          dataSource={data?.items ?? []}
          loading={loading}
          pagination={pagination}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('没有符合条件的记录')} /> }}
        />
      )}
    </Flex>
  );
}
