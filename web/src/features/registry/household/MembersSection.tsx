/** The members table: relationship, age, masked ID and phone, the audited reveal, add and remove. */
import { EyeOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Tag, type TableColumnsType, Table } from 'antd';
import { useState } from 'react';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { RELATIONSHIPS, SEX } from '../labels';
import { removeMember, type HouseholdSummary, type Person } from '../registry.api';
import { AddMemberModal } from './AddMemberModal';
import type { useReveal } from '../reveal/useReveal';

interface Props {
  household: HouseholdSummary;
  members: Person[];
  reveal: ReturnType<typeof useReveal>;
  onChanged: () => void;
}

export function MembersSection({ household, members, reveal, onChanged }: Props) {
  const t = useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);

  const remove = async (person: Person) => {
    try {
      await removeMember(household.id, person.id);
      message.success(t('已移出 {name}', { name: person.name }));
      onChanged();
    } catch (error) {
      message.error((error as Error).message);
    }
  };

  const clear = (person: Person) => reveal.identityOf(person.id);
  const columns: TableColumnsType<Person> = [
    { title: t('姓名'), dataIndex: 'name' },
    { title: t('与户主关系'), dataIndex: 'relationship', render: (r: keyof typeof RELATIONSHIPS | null) => (r ? <Tag color={r === 'head' ? 'blue' : undefined}>{t(RELATIONSHIPS[r])}</Tag> : '') },
    { title: t('性别'), dataIndex: 'sex', render: (s: keyof typeof SEX) => t(SEX[s]) },
    { title: t('年龄'), dataIndex: 'age', align: 'right' },
    { title: t('身份证号'), key: 'idNumber', render: (_, p) => <span className="mono">{clear(p)?.idNumber ?? p.idNumber}</span> },
    { title: t('电话'), key: 'phone', render: (_, p) => <span className="mono">{clear(p) ? (clear(p)?.phone ?? '—') : (p.phone ?? '—')}</span> },
    {
      title: t('操作'),
      key: 'actions',
      fixed: 'right',
      render: (_, p) => (
        <Space size={4}>
          {can('pii:reveal') && !clear(p) && (
            <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => reveal.request(p, ['idNumber', 'phone'])}>
              {t('查看')}
            </Button>
          )}
          {clear(p) && <Tag color="gold">{t('已显示完整信息')}</Tag>}
          {can('registry:write') && (p.relationship !== 'head' || members.length === 1) && (
            <Popconfirm title={t('将 {name} 移出本户？', { name: p.name })} okText={t('移出')} cancelText={t('取消')} onConfirm={() => remove(p)}>
              <Button type="link" size="small" danger>
                {t('移出')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('家庭成员（{n} 人）', { n: members.length })}
      className="page-section"
      extra={
        can('registry:write') && (
          <Button icon={<UserAddOutlined />} onClick={() => setAdding(true)}>
            {t('添加成员')}
          </Button>
        )
      }
    >
      <Table<Person> rowKey="id" columns={columns} dataSource={members} pagination={false} scroll={{ x: 'max-content' }} data-testid="members-table" />
      {adding && (
        <AddMemberModal
          household={household}
          hasHead={members.some((m) => m.relationship === 'head')}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            onChanged();
          }}
        />
      )}
    </Card>
  );
}
