/**
 * 新建政策 (/policies/new) and 修改政策 (/policies/:code/edit?from=N): a change never edits a
 * version in place — saving makes a new draft, which is adopted separately. The form starts
 * from version N, or the newest one.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Button, Form, Skeleton } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '@/components/ErrorAlert';
import { PageHeader } from '@/components/PageHeader';
import { applyApiError } from '@/lib/form-errors';
import { useT } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { createPolicy, createVersion, getPolicy } from '../policies.api';
import '../policies.css';
import { EditorForm } from './EditorForm';
import { formFieldOf, fromVersion, NEW_POLICY_VALUES, toVersionInput, type EditorValues } from './form-values';

export function VersionEditorPage() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const code = useParams().code;
  const from = Number(useSearchParams()[0].get('from')) || null;
  const [form] = Form.useForm<EditorValues>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { data: policy, error, reload } = useRequest((signal) => getPolicy(code!, signal), [code], Boolean(code));

  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (code && !policy) return <Skeleton active paragraph={{ rows: 12 }} />;
  const base = policy ? (policy.versions.find((v) => v.version === from) ?? policy.versions[0]) : null;

  const save = async (values: EditorValues) => {
    setBusy(true);
    setProblem(null);
    try {
      const version = toVersionInput(values);
      if (policy) {
        const saved = await createVersion(policy.code, version);
        message.success(t('已保存为第 {n} 版（草稿）', { n: saved.version }));
        navigate(`/policies/${policy.code}`);
      } else {
        const created = await createPolicy({ code: values.code!.trim(), orgId: values.orgId!, version, adopt: values.adopt });
        message.success(t('政策已保存'));
        navigate(`/policies/${created.code}`);
      }
    } catch (e) {
      setProblem(applyApiError(form, e, formFieldOf));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title={policy ? t('修改政策：{name}', { name: policy.nameZh }) : t('新建政策')}
        subtitle={base ? t('以第 {n} 版为基础，保存后生成新的草稿版本，启用前不影响现行政策。', { n: base.version }) : undefined}
        extra={<Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>{t('返回')}</Button>}
      />
      <EditorForm
        form={form}
        initialValues={base ? fromVersion(base) : NEW_POLICY_VALUES}
        isNew={!policy}
        busy={busy}
        problem={problem}
        onSubmit={save}
        onCancel={() => navigate(policy ? `/policies/${policy.code}` : '/policies')}
      />
    </>
  );
}
