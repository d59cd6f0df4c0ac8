/** Organisation picker: the organisation tree in a TreeSelect, searchable by name. */
import { TreeSelect } from 'antd';
import { useMemo, type CSSProperties } from 'react';
import { cachedOrganisations, organisationTree, type OrganisationNode } from '@/lib/organisations';
import { useRequest } from '@/lib/useRequest';
import { useT } from '@/lib/i18n';

interface Option {
  value: number;
  title: string;
  children?: Option[];
}

const toOption = (node: OrganisationNode): Option => ({ value: node.id, title: node.name, children: node.children?.map(toOption) });

export interface OrganisationTreeSelectProps {
  value?: number;
  onChange?: (id: number | undefined) => void;
  placeholder?: string;
  style?: CSSProperties;
  id?: string;
}

export function OrganisationTreeSelect({ value, onChange, placeholder, style, id }: OrganisationTreeSelectProps) {
  const t = useT();
  const { data, loading } = useRequest(() => cachedOrganisations(), []);
  const options = useMemo(() => organisationTree(data ?? []).map(toOption), [data]);
  return (
    <TreeSelect<number>
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      loading={loading}
      treeData={options}
      treeDefaultExpandAll
      allowClear
      showSearch={{ treeNodeFilterProp: 'title' }}
      placeholder={placeholder ?? t('选择组织')}
      style={{ width: '100%', ...style }}
      listHeight={360}
    />
  );
}
