/**
 * The facts that decide assistance, current and past: kind, content, valid from/to, source,
 * who recorded it. Health and disability facts read "已脱敏" until revealed with a reason.
 */
import { EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tabs, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { FACT_KINDS } from '../labels';
import type { Fact, Person } from '../registry.api';
import { EndFactModal } from './EndFactModal';
import { FactFormModal } from './FactFormModal';
import type { useReveal } from '../reveal/useReveal';

interface Props {
  householdId: number;
  facts: Fact[];
  members: Person[];
  reveal: ReturnType<typeof useReveal>;
  onChanged: () => void;
}

export function FactsSection({ householdId, facts, members, reveal, onChanged }: Props) {
  const t = useT();
  const { can } = useAuth();
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<Fact | null>(null);
  const names = new Map(members.map((m) => [m.id, m.name]));

  const content = (fact: Fact) => {
    const revealed = reveal.revealedFact(fact.id);
    if (revealed) return <Space size={4}>{revealed.label}<Tag color="gold">{t('已显示')}</Tag></Space>;
    if (!fact.masked) return fact.label;
    const person = fact.personId !== null ? { id: fact.personId, name: names.get(fact.personId) ?? '' } : null;
    return (
      <Space size={4}>
        <Tag>{t('已脱敏')}</Tag>
        {person && can('health:reveal') && (
          <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => reveal.request(person, ['health'])}>
            {t('查看')}
          </Button>
        )}
      </Space>
    );
  };

  const columns: TableColumnsType<Fact> = [
    { title: t('对象'), key: 'subject', render: (_, f) => (f.personId !== null ? (names.get(f.personId) ?? `#${f.personId}`) : <Tag color="blue">{t('本户')}</Tag>) },
    { title: t('类别'), dataIndex: 'kind', render: (kind: Fact['kind']) => t(FACT_KINDS[kind]?.label ?? kind) },
    { title: t('内容'), key: 'content', render: (_, f) => content(f) },
    { title: t('生效日期'), dataIndex: 'validFrom' },
    { title: t('失效日期'), dataIndex: 'validTo', render: (v: string | null) => v ?? t('长期') },
    { title: t('来源'), dataIndex: 'source' },
    { title: t('记录人'), dataIndex: 'recordedByName', render: (v: string | null) => v ?? t('系统') },
    {
      title: t('操作'),
      key: 'actions',
      render: (_, f) =>
        can('registry:write') && f.current && f.validTo === null ? (
          <Button type="link" size="small" onClick={() => setEnding(f)}>
            {t('结束')}
          </Button>
        ) : null,
    },
  ];

  const current = facts.filter((f) => f.current);
  const past = facts.filter((f) => !f.current);
  const table = (rows: Fact[], testId: string) => (
    <Table<Fact> rowKey="id" columns={columns} dataSource={rows} pagination={false} size="middle" scroll={{ x: 'max-content' }} data-testid={testId} />
  );

  return (
    <Card
      title={t('家庭信息记录')}
      className="page-section"
      extra={
        can('registry:write') && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('记录信息')}
          </Button>
        )
      }
    >
      <Tabs
        items={[
          { key: 'current', label: t('当前有效（{n}）', { n: current.length }), children: table(current, 'facts-current') },
          { key: 'history', label: t('历史（{n}）', { n: past.length }), children: table(past, 'facts-history') },
        ]}
      />
      {adding && <FactFormModal householdId={householdId} members={members} onClose={() => setAdding(false)} onSaved={() => { setAdding(false); onChanged(); }} />}
      {ending && <EndFactModal fact={ending} onClose={() => setEnding(null)} onSaved={() => { setEnding(null); onChanged(); }} />}
    </Card>
  );
}
