/** 人员查询: one search box over everyone in scope; a row opens the person's household. */
import { Button, Card, Checkbox, Descriptions, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { OrganisationTreeSelect } from '@/components/OrganisationTreeSelect';
import { PageHeader } from '@/components/PageHeader';
import { RegionTreeSelect } from '@/components/RegionTreeSelect';
import { SearchList } from '@/components/SearchList';
import { useT, type Translate } from '@/lib/i18n';
import { RELATIONSHIPS, SEX } from './labels';
import { PersonDrawer } from './PersonDrawer';
import { searchPersons, type Person } from './registry.api';

function HouseholdLink({ person }: { person: Person }) {
  const t = useT();
  if (!person.householdId) return <Tag>{t('未入户')}</Tag>;
  return (
    <Link to={`/households/${person.householdId}`} onClick={(e) => e.stopPropagation()}>
      {t('查看家庭')}
    </Link>
  );
}

function columns(t: Translate, open: (p: Person) => void): TableColumnsType<Person> {
  return [
    {
      title: t('姓名'),
      dataIndex: 'name',
      render: (name, p) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => open(p)}>
          {name}
        </Button>
      ),
    },
    { title: t('性别'), dataIndex: 'sex', render: (s: keyof typeof SEX) => t(SEX[s]) },
    { title: t('年龄'), dataIndex: 'age', align: 'right' },
    { title: t('身份证号'), dataIndex: 'idNumber', render: (v) => <span className="mono">{v}</span> },
    { title: t('电话'), dataIndex: 'phone', render: (v) => <span className="mono">{v}</span> },
    { title: t('与户主关系'), dataIndex: 'relationship', render: (r: keyof typeof RELATIONSHIPS | null) => (r ? t(RELATIONSHIPS[r]) : '') },
    { title: t('所属区划'), dataIndex: 'regionName' },
    { title: t('家庭'), key: 'household', render: (_, p) => <HouseholdLink person={p} /> },
  ];
}

function PersonCard({ person, onOpen }: { person: Person; onOpen: () => void }) {
  const t = useT();
  return (
    <Card size="small" hoverable onClick={onOpen} title={`${person.name}（${t(SEX[person.sex])}，${t('{n} 岁', { n: person.age })}）`} extra={<HouseholdLink person={person} />}>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'id', label: t('身份证号'), children: <span className="mono">{person.idNumber}</span> },
          { key: 'phone', label: t('电话'), children: <span className="mono">{person.phone}</span> },
          { key: 'region', label: t('所属区划'), children: person.regionName },
        ]}
      />
    </Card>
  );
}

export function PersonsPage() {
  const t = useT();
  const [open, setOpen] = useState<number | null>(null);
  return (
    <>
      <PageHeader title={t('人员查询')} />
      <Card>
        <SearchList<Person>
          testId="persons-list"
          filterKeys={['regionCode', 'orgId', 'householdless']}
          load={searchPersons}
          columns={columns(t, (p) => setOpen(p.id))}
          rowKey={(p) => p.id}
          searchPlaceholder={t('姓名、拼音首字母（如 wjg）、身份证号或电话')}
          renderCard={(p) => <PersonCard person={p} onOpen={() => setOpen(p.id)} />}
          renderFilters={(values, set) => (
            <>
              <RegionTreeSelect value={values.regionCode} onChange={(v) => set('regionCode', v)} placeholder={t('区划')} />
              <OrganisationTreeSelect value={values.orgId ? Number(values.orgId) : undefined} onChange={(v) => set('orgId', v ? String(v) : undefined)} placeholder={t('责任单位')} />
              <Checkbox checked={values.householdless === 'true'} onChange={(e) => set('householdless', e.target.checked ? 'true' : undefined)} style={{ alignSelf: 'center' }}>
                {t('只看未入户人员')}
              </Checkbox>
            </>
          )}
        />
      </Card>
      {open !== null && <PersonDrawer personId={open} onClose={() => setOpen(null)} />}
    </>
  );
}
