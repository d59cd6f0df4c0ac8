/** 组织机构: the organisation tree (unions, federations, bureaus, hospitals, communities) and adding one. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageHeader } from '@/components/PageHeader';
import { useT } from '@/lib/i18n';
import { forgetOrganisations, listOrganisations, organisationTree, ORGANISATION_TYPES, type OrganisationNode } from '@/lib/organisations';
import { useRequest } from '@/lib/useRequest';
import { CreateOrganisationModal } from './CreateOrganisationModal';
import { PartnersModal } from './PartnersModal';

export function OrganisationsPage() {
  const t = useT();
  const { data, loading, error, reload } = useRequest(() => listOrganisations(), []);
  const tree = useMemo(() => organisationTree(data ?? []), [data]);
  const [creating, setCreating] = useState<{ parentId?: number } | null>(null);
  const [partnersOf, setPartnersOf] = useState<OrganisationNode | null>(null);

  const columns: TableColumnsType<OrganisationNode> = [
    { title: t('名称'), dataIndex: 'name' },
    { title: t('类型'), dataIndex: 'type', render: (type: string) => <Tag>{t(ORGANISATION_TYPES[type] ?? type)}</Tag> },
    { title: t('所在区划'), key: 'region', render: (_, o) => `${o.regionName}（${o.regionCode}）` },
    {
      title: t('操作'),
      key: 'actions',
      render: (_, o) => (
        <>
          <Button type="link" size="small" onClick={() => setCreating({ parentId: o.id })}>
            {t('添加下级')}
          </Button>
          <Button type="link" size="small" onClick={() => setPartnersOf(o)}>
            {t('合作单位')}
          </Button>
        </>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('组织机构')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating({})}>
            {t('新增组织')}
          </Button>
        }
      />
      {error && <ErrorAlert error={error} onRetry={reload} />}
      <Card>
        {tree.length > 0 && (
          <Table<OrganisationNode>
            rowKey="id"
            columns={columns}
            dataSource={tree}
            loading={loading}
            pagination={false}
            expandable={{ defaultExpandAllRows: true }}
            scroll={{ x: 'max-content' }}
          />
        )}
      </Card>
      {partnersOf && <PartnersModal organisation={partnersOf} all={data ?? []} onClose={() => setPartnersOf(null)} />}
      {creating && (
        <CreateOrganisationModal
          parentId={creating.parentId}
          onClose={() => setCreating(null)}
          onCreated={() => {
            setCreating(null);
            forgetOrganisations();
            void reload();
          }}
        />
      )}
    </>
  );
}
