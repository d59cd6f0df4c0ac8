/**
 * Keyboard-first pickers for taking a call: the appeal category (matches the name, the code, the
 * pinyin initials "srhj" or the full pinyin of 市容环境) and the region (searched on the server by
 * name, or typed as a code; recent ones offered first). Enter or Tab picks the highlighted option.
 */
import { Select, type RefSelectProps } from 'antd';
import { forwardRef, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { useT } from '@/lib/i18n';
import { regionPath, searchRegions, type Region } from '@/lib/regions';
import { useRequest } from '@/lib/useRequest';
import { listCategories, type AppealCategory } from './appeals.api';

type Pinyin = (text: string, options: { pattern?: 'first'; toneType: 'none'; type: 'array' }) => string[];

/** pinyin-pro is large: loaded once, after the page, and only where a category is picked. */
let pinyinLoad: Promise<Pinyin | null> | null = null;
function loadPinyin(): Promise<Pinyin | null> {
  pinyinLoad ??= import('pinyin-pro').then((m) => m.pinyin as unknown as Pinyin, () => null);
  return pinyinLoad;
}

function searchText(c: AppealCategory, pinyin: Pinyin | null): string {
  const words = [c.name, c.code, c.description ?? ''];
  if (pinyin) {
    words.push(pinyin(c.name, { pattern: 'first', toneType: 'none', type: 'array' }).join(''));
    words.push(pinyin(c.name, { toneType: 'none', type: 'array' }).join(''));
  }
  return words.join(' ').toLowerCase();
}

interface PickerProps<T> {
  value?: T;
  onChange?: (value: T | undefined) => void;
  /** Called after an option is picked (by Enter, Tab or click): the form moves to the next field. */
  onPicked?: () => void;
  id?: string;
  autoFocus?: boolean;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
}

export const CategorySelect = forwardRef<RefSelectProps, PickerProps<string>>(function CategorySelect(
  { value, onChange, onPicked, id, autoFocus, placeholder, allowClear, disabled, style }, ref,
) {
  const t = useT();
  const { data, loading } = useRequest((signal) => listCategories(signal), []);
  const [pinyin, setPinyin] = useState<Pinyin | null>(null);
  // A function in state must be set through an updater, or React would call it.
  useEffect(() => void loadPinyin().then((p) => setPinyin(() => p)), []);
  const options = useMemo(
    () => (data ?? []).filter((c) => c.active).map((c) => ({ value: c.code, label: c.name, title: c.description ?? c.name, search: searchText(c, pinyin) })),
    [data, pinyin],
  );
  return (
    <Select<string>
      ref={ref}
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      onSelect={() => onPicked && setTimeout(onPicked, 0)}
      loading={loading}
      options={options}
      autoFocus={autoFocus}
      disabled={disabled}
      allowClear={allowClear}
      placeholder={placeholder ?? t('输入类别名称或拼音首字母，如 srhj')}
      showSearch={{ filterOption: (input, option) => !!option?.search.includes(input.trim().toLowerCase()) }}
      style={{ width: '100%', ...style }}
      data-testid="category-select"
    />
  );
});

const RECENT_KEY = 'huimin.appeals.recentRegions';

function recentRegions(): Region[] {
  try {
    const list = JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]');
    return Array.isArray(list) ? list.slice(0, 6) : [];
  } catch {
    return [];
  }
}

/** Remembers a region the operator used, so the next caller from the same place is one keystroke away. */
export function rememberRegion(region: Region): void {
  try {
    const next = [region, ...recentRegions().filter((r) => r.code !== region.code)].slice(0, 6);
    localStorage.setItem(RECENT_KEY, JSON.stringify(next));
  } catch {
    // private browsing: nothing remembered
  }
}

export const RegionSearchSelect = forwardRef<RefSelectProps, PickerProps<string> & { onRegion?: (region: Region | undefined) => void }>(function RegionSearchSelect(
  { value, onChange, onPicked, onRegion, id, placeholder, allowClear = true, disabled, style }, ref,
) {
  const t = useT();
  const [found, setFound] = useState<Region[] | null>(null);
  const [known, setKnown] = useState<Map<string, Region>>(() => new Map(recentRegions().map((r) => [r.code, r])));
  const [searching, setSearching] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const asked = useRef('');

  // A value set from outside (an edit form) is shown by its name.
  useEffect(() => {
    if (value && !known.has(value)) {
      regionPath(value).then((path) => setKnown((k) => new Map(k).set(value, path[path.length - 1]))).catch(() => {});
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  const onSearch = (text: string) => {
    const q = text.trim();
    asked.current = q;
    clearTimeout(timer.current);
    if (!q) return setFound(null);
    setSearching(true);
    timer.current = setTimeout(() => {
      const lookup = /^\d{6,15}$/.test(q) ? regionPath(q).then((path) => path.slice(-1)) : searchRegions(q);
      lookup
        .then((regions) => asked.current === q && setFound(regions))
        .catch(() => asked.current === q && setFound([]))
        .finally(() => asked.current === q && setSearching(false));
    }, 200);
  };

  const shown = found ?? [...known.values()].filter((r) => recentRegions().some((x) => x.code === r.code) || r.code === value);
  const all = useMemo(() => {
    const map = new Map(known);
    for (const r of found ?? []) map.set(r.code, r);
    return map;
  }, [known, found]);
  const options = shown.map((r) => ({ value: r.code, label: r.name, code: r.code }));
  if (value && !options.some((o) => o.value === value) && all.has(value)) options.unshift({ value, label: all.get(value)!.name, code: value });

  return (
    <Select<string>
      ref={ref}
      id={id}
      value={value}
      disabled={disabled}
      allowClear={allowClear}
      onChange={(code) => {
        const region = code ? all.get(code) : undefined;
        if (region) {
          setKnown((k) => new Map(k).set(region.code, region));
          rememberRegion(region);
        }
        setFound(null);
        onChange?.(code);
        onRegion?.(region);
      }}
      onSelect={() => onPicked && setTimeout(onPicked, 0)}
      options={options}
      optionRender={(o) => <span>{o.label} <span style={{ color: '#999' }}>{o.data.code}</span></span>}
      loading={searching}
      placeholder={placeholder ?? t('输入区划名称（如 金波路）或代码')}
      showSearch={{ filterOption: false, onSearch }}
      notFoundContent={searching ? t('加载中…') : found ? t('没有匹配的区划') : t('输入名称搜索')}
      style={{ width: '100%', ...style }}
      data-testid="region-select"
    />
  );
});
