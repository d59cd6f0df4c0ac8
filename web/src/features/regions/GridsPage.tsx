/** 区划与网格: browse the region tree and add grids (网格) below a community or village. */
import { Alert, App, Button, Card, Col, Descriptions, Empty, Form, Input, Row, Tree } from 'antd';
import { useEffect, useState } from 'react';
import { PageHeader } from '@/components/PageHeader';
import { applyApiError } from '@/lib/form-errors';
import { useT } from '@/lib/i18n';
import { addGrid, COMMUNITY_LEVEL, regionChildren, type Region } from '@/lib/regions';

interface TreeNode {
  key: string;
  title: string;
  isLeaf: boolean;
  region: Region;
  children?: TreeNode[];
}

const LEVEL_NAMES = ['', '省', '市', '县（区）', '街道（乡镇）', '社区（村）', '网格', '网格', '网格'];
const MAX_GRID_PARENT_LEVEL = 7;

const toNode = (r: Region): TreeNode => ({ key: r.code, title: r.name, isLeaf: !r.hasChildren, region: r });

function withChildren(nodes: TreeNode[], key: string, children: TreeNode[]): TreeNode[] {
  return nodes.map((n) => (n.key === key ? { ...n, isLeaf: children.length === 0, children } : n.children ? { ...n, children: withChildren(n.children, key, children) } : n));
}

export function GridsPage() {
  const t = useT();
  const { message } = App.useApp();
  const [tree, setTree] = useState<TreeNode[]>([]);
  const [selected, setSelected] = useState<Region | null>(null);
  const [form] = Form.useForm<{ name: string }>();
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    regionChildren().then((roots) => setTree(roots.map(toNode))).catch((e: Error) => setProblem(e.message));
  }, []);

  const load = async (code: string) => {
    const children = await regionChildren(code);
    setTree((current) => withChildren(current, code, children.map(toNode)));
  };

  const canAddGrid = selected !== null && selected.level >= COMMUNITY_LEVEL && selected.level <= MAX_GRID_PARENT_LEVEL;

  const submit = async ({ name }: { name: string }) => {
    if (!selected) return;
    setProblem(null);
    try {
      const grid = await addGrid(selected.code, name.trim());
      message.success(t('已新增网格 {name}（{code}）', { name: grid.name, code: grid.code }));
      form.resetFields();
      await load(selected.code);
    } catch (error) {
      setProblem(applyApiError(form, error));
    }
  };

  return (
    <>
      <PageHeader title={t('区划与网格')} subtitle={t('区划采用国家统计用区划代码；网格建在社区（村）之下。')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card title={t('区划')}>
            <Tree<TreeNode>
              treeData={tree}
              loadData={(node) => load(node.key)}
              onSelect={(_, info) => setSelected(info.node.region)}
              height={560}
              blockNode
            />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={t('所选区划')}>
            {!selected ? (
              <Empty description={t('在左侧选择一个社区（村）')} />
            ) : (
              <>
                <Descriptions
                  column={1}
                  items={[
                    { key: 'name', label: t('名称'), children: selected.name },
                    { key: 'code', label: t('代码'), children: <span className="mono">{selected.code}</span> },
                    { key: 'level', label: t('层级'), children: t(LEVEL_NAMES[selected.level] ?? String(selected.level)) },
                  ]}
                />
                {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
                {canAddGrid ? (
                  <Form form={form} layout="vertical" onFinish={submit}>
                    <Form.Item name="name" label={t('新网格名称')} rules={[{ required: true, whitespace: true, message: t('请输入网格名称') }]}>
                      <Input maxLength={60} placeholder={t('如：第一网格')} />
                    </Form.Item>
                    <Button type="primary" htmlType="submit">{t('新增网格')}</Button>
                  </Form>
                ) : (
                  <Alert type="info" showIcon title={t('网格只能建在社区（村）或网格之下。')} />
                )}
              </>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
