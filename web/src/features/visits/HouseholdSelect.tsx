/** Picks the household visited: search by a member's name, pinyin initials or the address; each shows when it was last visited. */
import { Flex, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { findHouseholds, householdLabel, type VisitHousehold } from './visits.api';

export function HouseholdSelect({ value, onChange, label, id }: {
  value?: number | null;
  onChange?: (id: number | null, label: string | null) => void;
  /** The chosen household's label, known from the draft before any search has run. */
  label: string | null;
  id?: string;
}) {
  const t = useT();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    // Waits for a pause in typing: a phone on a weak signal should not send every keystroke.
    const timer = window.setTimeout(() => setQuery(typed.trim()), 300);
    return () => window.clearTimeout(timer);
  }, [typed]);
  const { data, loading, error } = useRequest((signal) => findHouseholds(query, signal), [query]);
  const found: VisitHousehold[] = data ?? [];
  const options = found.map((h) => ({
    value: h.id,
    label: householdLabel(h),
    render: (
      <Flex vertical>
        <span>{t('{name} 户', { name: h.headName ?? t('（未指定户主）') })} · {t('{n} 人', { n: h.memberCount })}</span>
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'normal' }}>
          {h.address ?? h.regionName}
          {' · '}
          {h.lastVisitedOn ? t('上次走访 {date}', { date: h.lastVisitedOn }) : t('尚未走访')}
        </Typography.Text>
      </Flex>
    ),
  }));
  if (value && label && !options.some((o) => o.value === value)) options.unshift({ value, label, render: <span>{label}</span> });
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      allowClear
      value={value ?? undefined}
      placeholder={t('输入户主或成员姓名、地址查找')}
      aria-label={t('走访家庭')}
      loading={loading}
      notFoundContent={error ? error.message : loading ? t('查找中…') : t('没有找到家庭')}
      options={options}
      optionRender={(option) => options.find((o) => o.value === option.value)?.render ?? option.label}
      onChange={(next) => onChange?.(next ?? null, options.find((o) => o.value === next)?.label ?? null)}
      style={{ width: '100%' }}
      popupMatchSelectWidth
    />
  );
}
