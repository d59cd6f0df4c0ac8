/**
 * Region picker: a tree loaded one level at a time from /api/regions?parent=, and a search
 * box that asks the server (thousands of communities are never loaded at once).
 */
import { TreeSelect } from 'antd';
import { useCallback, useEffect, useRef, useState, type CSSProperties } from 'react';
import { STAFF_REGIONS, type Region, type RegionSource } from '@/lib/regions';
import { useT } from '@/lib/i18n';

interface Node {
  id: string;
  pId: string | null;
  value: string;
  title: string;
  isLeaf: boolean;
  selectable: boolean;
}

export interface RegionTreeSelectProps {
  value?: string;
  onChange?: (code: string | undefined) => void;
  /** Only regions at this level or deeper can be chosen (5 = community/village). */
  minLevel?: number;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  id?: string;
  /** Where the tree comes from: the staff's endpoints (with grids) or the public ones. */
  source?: RegionSource;
}

export function RegionTreeSelect({ value, onChange, minLevel = 1, placeholder, allowClear = true, style, id, source = STAFF_REGIONS }: RegionTreeSelectProps) {
  const { children: regionChildren, path: regionPath, search: searchRegions } = source;
  const t = useT();
  const [nodes, setNodes] = useState<Map<string, Node>>(new Map());
  const [search, setSearch] = useState('');
  const [results, setResults] = useState<Node[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const toNode = useCallback(
    (r: Region, leaf?: boolean): Node => ({
      id: r.code,
      pId: r.parentCode,
      value: r.code,
      title: r.name,
      isLeaf: leaf ?? r.hasChildren === false,
      selectable: r.level >= minLevel,
    }),
    [minLevel],
  );

  const merge = useCallback(
    (regions: Region[]) =>
      setNodes((current) => {
        const next = new Map(current);
        for (const r of regions) {
          const existing = next.get(r.code);
          next.set(r.code, existing && r.hasChildren === undefined ? existing : toNode(r));
        }
        return next;
      }),
    [toNode],
  );

  useEffect(() => {
    regionChildren()
      .then(async (roots) => {
        merge(roots);
        if (roots.length === 1) merge(await regionChildren(roots[0].code));
      })
      .catch(() => {});
    // the source is fixed for the picker's life
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [merge]);

  useEffect(() => {
    if (value && !nodes.has(value)) regionPath(value).then(merge).catch(() => {});
    // only when the value changes: nodes grow as the tree loads
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  const onSearch = (text: string) => {
    setSearch(text);
    clearTimeout(timer.current);
    if (!text.trim()) return setResults([]);
    timer.current = setTimeout(() => {
      searchRegions(text.trim())
        .then((found) => setResults(found.map((r) => ({ ...toNode(r, true), pId: null, title: `${r.name}（${r.code}）` }))))
        .catch(() => setResults([]));
    }, 250);
  };

  const select = (code: string | undefined) => {
    const fromSearch = results.find((r) => r.value === code);
    if (fromSearch && code) {
      setNodes((current) => new Map(current).set(code, { ...fromSearch, isLeaf: false, title: fromSearch.title.replace(/（\d+）$/, '') }));
      regionPath(code).then((path) => merge(path.slice(0, -1))).catch(() => {});
    }
    setSearch('');
    setResults([]);
    onChange?.(code);
  };

  return (
    <TreeSelect<string>
      id={id}
      value={value}
      onChange={select}
      style={{ width: '100%', ...style }}
      placeholder={placeholder ?? t('选择或搜索区划')}
      allowClear={allowClear}
      treeDataSimpleMode={{ id: 'id', pId: 'pId' }}
      treeData={search.trim() ? results : [...nodes.values()]}
      loadData={async (node) => merge(await regionChildren(String(node.value)))}
      showSearch={{ searchValue: search, onSearch, filterTreeNode: false, autoClearSearchValue: true }}
      listHeight={360}
      notFoundContent={search.trim() ? t('没有匹配的区划') : t('加载中…')}
    />
  );
}
