/**
 * 派单目录 (/admin/dispatch-rules): category × region → the unit that handles it and its time limit
 * in working days or hours. An appeal goes to the rule of its category with the most specific
 * region that contains it. One rule per category and region: saving the same pair replaces it.
 */
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ErrorAlert } from '@/components/ErrorAlert';
import { FormModal } from '@/components/FormModal';
import { OrganisationTreeSelect } from '@/components/OrganisationTreeSelect';
import { PageHeader } from '@/components/PageHeader';
import { useCan } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { useIsNarrow } from '@/lib/useMedia';
import { useRequest } from '@/lib/useRequest';
import { LIMIT_UNITS, listRules, removeRule, saveRule, type DispatchRule, type DispatchRuleInput } from './appeals.api';
import { CategorySelect, RegionSearchSelect } from './pickers';

export function DispatchRulesPage() {
  const t = useT();
  const can = useCan();
  const narrow = useIsNarrow();
  const { data, error, loading, reload } = useRequest((signal) => listRules(signal), []);
  const [editing, setEditing] = useState<Partial<DispatchRuleInput> | null>(null);
  const [q, setQ] = useState('');
  const rules = useMemo(() => {
    const text = q.trim();
    return (data ?? []).filter((r) => !text || [r.categoryName, r.categoryCode, r.regionName, r.regionCode, r.orgName].some((v) => v.includes(text)));
  }, [data, q]);
  const writable = can('appeal:dispatch');
  const { message } = App.useApp();
  const remove = async (r: DispatchRule) => {
    try {
      await removeRule(r.id);
      message.success(t('已删除 {name} 的派单规则', { name: `${r.categoryName} ${r.regionName}` }));
      await reload();
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  const columns = [
    { key: 'category', title: t('诉求类别'), render: (r: DispatchRule) => <>{r.categoryName} <Typography.Text type="secondary">{r.categoryCode}</Typography.Text></> },
    { key: 'region', title: t('区划'), render: (r: DispatchRule) => <>{r.regionName} <Typography.Text type="secondary">{r.regionCode}</Typography.Text></> },
    { key: 'org', title: t('承办单位'), dataIndex: 'orgName' },
    { key: 'limit', title: t('办理时限'), render: (r: DispatchRule) => `${r.limitAmount} ${t(LIMIT_UNITS[r.limitUnit])}` },
    ...(writable ? [{
      key: 'edit', title: t('操作'), render: (r: DispatchRule) => (
        <Space size={4}>
          <Button size="small" icon={<EditOutlined />} aria-label={t('修改 {name}', { name: `${r.categoryName} ${r.regionName}` })}
            onClick={() => setEditing({ categoryCode: r.categoryCode, regionCode: r.regionCode, orgId: r.orgId, limitAmount: r.limitAmount, limitUnit: r.limitUnit })}>
            {t('修改')}
          </Button>
          <Popconfirm title={t('删除这条派单规则？')} description={t('此后该类别在该区划的诉求按上级区划的规则派单，没有规则的由派单员人工派单；已派出的诉求不受影响。')}
            okText={t('删除')} okButtonProps={{ danger: true }} cancelText={t('取消')} onConfirm={() => remove(r)}>
            <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('删除 {name}', { name: `${r.categoryName} ${r.regionName}` })}>{t('删除')}</Button>
          </Popconfirm>
        </Space>
      ),
    }] : []),
  ];

  return (
    <>
      <PageHeader
        title={t('派单目录')}
        subtitle={t('诉求类别和区划决定承办单位与办理时限；受理时按最具体的区划自动派单，没有对应规则的由派单员人工派单。')}
        extra={writable && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ limitUnit: 'workdays' })}>{t('新增规则')}</Button>}
      />
      <Card className="page-section">
        <Flex vertical gap={12}>
          <Input.Search allowClear placeholder={t('类别、区划或单位')} onSearch={setQ} onChange={(e) => !e.target.value && setQ('')} style={{ maxWidth: 320 }} aria-label={t('搜索')} />
          {error && <ErrorAlert error={error} onRetry={reload} />}
          <Table<DispatchRule> rowKey="id" size="middle" loading={loading} dataSource={rules} columns={columns} data-testid="dispatch-rules"
            scroll={narrow ? { x: 640 } : undefined} pagination={{ pageSize: 50, hideOnSinglePage: true }} />
        </Flex>
      </Card>
      {editing && <RuleModal initial={editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); void reload(); }} />}
    </>
  );
}

function RuleModal({ initial, onClose, onSaved }: { initial: Partial<DispatchRuleInput>; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const existing = !!initial.categoryCode && !!initial.regionCode;
  return (
    <FormModal<DispatchRuleInput> title={existing ? t('修改派单规则') : t('新增派单规则')} okText={t('保存')} onClose={onClose} initialValues={initial}
      onSubmit={async (v) => { await saveRule(v); onSaved(); }}>
      <Form.Item name="categoryCode" label={t('诉求类别')} rules={[{ required: true, message: t('请选择诉求类别') }]}>
        <CategorySelect disabled={existing} />
      </Form.Item>
      <Form.Item name="regionCode" label={t('区划')} rules={[{ required: true, message: t('请选择区划') }]} extra={t('规则适用于该区划及其下级区划，下级区划的规则优先。')}>
        <RegionSearchSelect disabled={existing} allowClear={false} />
      </Form.Item>
      <Form.Item name="orgId" label={t('承办单位')} rules={[{ required: true, message: t('请选择承办单位') }]}>
        <OrganisationTreeSelect />
      </Form.Item>
      <Form.Item label={t('办理时限')} required>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name="limitAmount" noStyle rules={[{ required: true, message: t('请填写办理时限') }]}>
            <InputNumber min={1} precision={0} style={{ width: '50%' }} aria-label={t('时限')} />
          </Form.Item>
          <Form.Item name="limitUnit" noStyle>
            <Select style={{ width: '50%' }} aria-label={t('时限单位')} options={Object.entries(LIMIT_UNITS).map(([value, label]) => ({ value, label: t(label) }))} />
          </Form.Item>
        </Space.Compact>
      </Form.Item>
    </FormModal>
  );
}
