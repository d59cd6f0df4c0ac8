/**
 * Why a rule held or not: the rule as a tree of its clauses, each with the value it had for
 * this subject — ✓ held, ✗ did not, 无法判定 with the reason (a missing fact) — and, under
 * exists/all over members, one branch per member.
 */
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Tag, Tree, Typography, type TreeDataNode } from 'antd';
import type { ExplanationNode } from '@contracts/policies';
import { useT, type Translate } from '@/lib/i18n';

function shown(value: ExplanationNode['value']): string {
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

function Verdict({ node, t }: { node: ExplanationNode; t: Translate }) {
  if (node.error !== undefined) {
    return (
      <>
        <Tag color="orange">{t('无法判定')}</Tag>
        <Typography.Text type="warning">{node.error}</Typography.Text>
      </>
    );
  }
  if (node.value === true) return <Tag color="success" icon={<CheckOutlined />}>{t('成立')}</Tag>;
  if (node.value === false) return <Tag color="error" icon={<CloseOutlined />}>{t('不成立')}</Tag>;
  if (node.value === undefined) return null;
  return <Tag className="mono">= {shown(node.value)}</Tag>;
}

function toTree(node: ExplanationNode, key: string, t: Translate, memberName?: string): TreeDataNode {
  const children = [
    ...(node.children ?? []).map((child, i) => toTree(child, `${key}-${i}`, t)),
    ...(node.items ?? []).map((item, i) => toTree(item, `${key}-m${i}`, t, item.memberName)),
  ];
  return {
    key,
    title: (
      <span className="explain-node">
        {memberName !== undefined && <Tag color="blue">{memberName}</Tag>}
        <code className="mono explain-text">{node.text}</code>
        <Verdict node={node} t={t} />
      </span>
    ),
    children: children.length ? children : undefined,
  };
}

export function ExplanationTree({ node, testId }: { node: ExplanationNode; testId?: string }) {
  const t = useT();
  return (
    <div data-testid={testId} className="explain-tree">
      {/* Remounted when the rule changes so a new tree opens fully expanded again. */}
      <Tree key={node.text} treeData={[toTree(node, 'r', t)]} defaultExpandAll showLine selectable={false} blockNode />
    </div>
  );
}
