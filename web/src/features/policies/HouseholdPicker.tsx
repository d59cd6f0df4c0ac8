/** Picks one household by the registry's search (name, pinyin initials, ID number); the first ten show before typing. */
import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { HouseholdSummary } from '@contracts/registry';
import { api } from '@/lib/api';
import { useT } from '@/lib/i18n';

interface Page {
  items: HouseholdSummary[];
}

const search = (q: string) => api.get<Page>('/api/households', { q: q || undefined, pageSize: 10 });

export function HouseholdPicker({ value, onChange, id }: { value?: number; onChange?: (id: number | undefined) => void; id?: string }) {
  const t = useT();
  const [options, setOptions] = useState<HouseholdSummary[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const latest = useRef('');

  const load = (q: string) => {
    latest.current = q;
    setLoading(true);
    search(q)
      .then((page) => latest.current === q && setOptions(page.items))
      .catch(() => latest.current === q && setOptions([]))
      .finally(() => latest.current === q && setLoading(false));
  };

  useEffect(() => load(''), []);

  const onSearch = (q: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => load(q.trim()), 250);
  };

  return (
    <Select<number>
      id={id}
      value={value}
      onChange={onChange}
      allowClear
      loading={loading}
      placeholder={t('搜索户主姓名、拼音首字母或身份证号')}
      aria-label={t('选择家庭')}
      showSearch={{ filterOption: false, onSearch }}
      options={options.map((h) => ({ value: h.id, label: `${h.headName ?? t('（未指定户主）')} · ${h.regionName ?? h.regionCode}` }))}
      notFoundContent={loading ? t('加载中…') : t('没有符合条件的记录')}
      style={{ width: '100%' }}
    />
  );
}
