/**
 * The fields a rule can read (GET /api/policy-schema), as the paths one writes in CEL —
 * person.disability.grade, household.students.compulsory — each inserted at the cursor on click.
 */
import { Collapse, List, Skeleton, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { getPolicySchema, type PolicySchema, type SchemaField } from '../policies.api';

interface Entry {
  path: string;
  type: string;
  description: string;
}

function typeText(field: SchemaField): string {
  if (field.type.kind === 'list') return `list<${field.type.element?.name ?? field.type.element?.kind}>`;
  return field.type.kind === 'object' ? (field.type.name ?? 'object') : field.type.kind;
}

/** Walks from a root object into its nested objects, so every entry is a complete path. */
function entries(schema: PolicySchema, objectName: string, prefix: string, english: boolean, depth = 0): Entry[] {
  const fields = schema[objectName] ?? {};
  return Object.entries(fields).flatMap(([name, field]) => {
    const path = `${prefix}.${name}`;
    const own: Entry = { path, type: typeText(field), description: english ? field.en : field.zh };
    const nested = field.type.kind === 'object' && field.type.name && depth < 2 ? entries(schema, field.type.name, path, english, depth + 1) : [];
    return [own, ...nested];
  });
}

export function SchemaReference({ onInsert }: { onInsert: (text: string) => void }) {
  const { t, language } = useI18n();
  const { data } = useRequest(() => getPolicySchema(), []);
  const groups = useMemo(
    () =>
      data
        ? [
            { key: 'person', label: t('个人 person'), items: entries(data, 'Person', 'person', language === 'en') },
            { key: 'household', label: t('家庭 household'), items: entries(data, 'Household', 'household', language === 'en') },
          ]
        : [],
    [data, language, t],
  );
  if (!data) return <Skeleton active paragraph={{ rows: 3 }} />;
  return (
    <Collapse
      size="small"
      className="schema-ref"
      items={groups.map((group) => ({
        key: group.key,
        label: group.label,
        children: (
          <List
            size="small"
            dataSource={group.items}
            renderItem={(entry) => (
              <List.Item onClick={() => onInsert(entry.path)} title={t('点击插入')}>
                <div>
                  <code className="mono">{entry.path}</code> <Tag>{entry.type}</Tag>
                  <br />
                  <Typography.Text type="secondary">{entry.description}</Typography.Text>
                </div>
              </List.Item>
            )}
          />
        ),
      }))}
    />
  );
}
