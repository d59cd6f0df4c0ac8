/** One policy: its active version with the rule highlighted, the version history, and the ways to change it. */
import { ArrowLeftOutlined, EditOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Flex, Skeleton, Tag } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageHeader } from '@/components/PageHeader';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { ApprovalLevelsSetting } from '@/features/benefits/ApprovalLevelsSetting';
import { POLICY_RUN, POLICY_WRITE } from './permissions';
import { getPolicy } from './policies.api';
import './policies.css';
import { VersionDetails } from './VersionDetails';
import { VersionHistory } from './VersionHistory';

export function PolicyPage() {
  const t = useT();
  const navigate = useNavigate();
  const { can } = useAuth();
  const code = useParams().code!;
  const { data: policy, error, reload } = useRequest((signal) => getPolicy(code, signal), [code]);

  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!policy) return <Skeleton active paragraph={{ rows: 10 }} />;
  const active = policy.versions.find((v) => v.status === 'active');

  return (
    <>
      <PageHeader
        title={
          <Flex align="center" gap={8} wrap>
            {policy.nameZh}
            <Tag className="mono">{policy.code}</Tag>
            {policy.hasDraft && <Tag color="gold">{t('有草稿')}</Tag>}
          </Flex>
        }
        subtitle={policy.nameEn}
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/policies')}>{t('返回')}</Button>
            {can(POLICY_RUN) && active && (
              <Link to={`/policy-runs?policy=${policy.code}`}><Button icon={<ThunderboltOutlined />}>{t('政策找人')}</Button></Link>
            )}
            {can(POLICY_WRITE) && (
              <Link to={`/policies/${policy.code}/edit`}><Button type="primary" icon={<EditOutlined />}>{t('修改（新建草稿版本）')}</Button></Link>
            )}
          </>
        }
      />
      <Card title={t('基本信息')} className="page-section">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          items={[
            { key: 'org', label: t('主管单位'), children: policy.orgName },
            { key: 'active', label: t('现行版本'), children: policy.activeVersion ? t('第 {n} 版', { n: policy.activeVersion }) : t('未启用') },
            { key: 'latest', label: t('最新版本'), children: t('第 {n} 版', { n: policy.latestVersion }) },
            { key: 'enrolled', label: t('享受人数'), children: policy.enrolledCount },
            { key: 'levels', label: t('审批级数'), children: <ApprovalLevelsSetting policyCode={policy.code} levels={policy.approvalLevels} /> },
          ]}
        />
      </Card>
      <Card title={active ? t('现行版本（第 {n} 版）', { n: active.version }) : t('现行版本')} className="page-section" data-testid="active-version">
        {active ? <VersionDetails version={active} /> : <Empty description={t('尚未启用任何版本')} />}
      </Card>
      <Card title={t('版本历史')} className="page-section">
        <VersionHistory policy={policy} onChanged={reload} />
      </Card>
    </>
  );
}
