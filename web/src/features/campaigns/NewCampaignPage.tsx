/**
 * 新建摸排: name, region, period and the target group — a rule in the policy engine's language,
 * started from a key group (困难职工, 高龄老人, 残疾人, 困境儿童…) or written by hand. As the rule
 * or region changes, the server checks it (problems marked in place, in Chinese) and says how
 * many households it selects now; creating selects them and hands them to their grid workers.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Flex, Form, Input, Row, Statistic, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '@/components/PageHeader';
import { RegionTreeSelect } from '@/components/RegionTreeSelect';
import { CelEditor, type CelEditorHandle } from '@/features/policies/editor/CelEditor';
import { RuleProblems } from '@/features/policies/editor/RuleProblems';
import { SchemaReference } from '@/features/policies/editor/SchemaReference';
import { POLICY_READ } from '@/features/policies/permissions';
import { useAuth } from '@/lib/auth';
import { dayjs } from '@/lib/dayjs';
import { applyApiError, validValues } from '@/lib/form-errors';
import { useT } from '@/lib/i18n';
import { CAMPAIGN_LIMITS, createCampaign, previewCampaign, TARGET_TEMPLATES, type CampaignPreview } from './campaigns.api';
import './campaigns.css';

interface Values {
  name: string;
  regionCode?: string;
  description?: string;
  rule: string;
  startsOn: Dayjs;
  endsOn: Dayjs;
}

const DEBOUNCE_MS = 500;

/** The live preview: 500 ms after the rule or region stops changing; an older answer never overwrites a newer one. */
function usePreview(regionCode: string | undefined, rule: string | undefined) {
  const [state, setState] = useState<{ preview: CampaignPreview | null; checking: boolean; error: string | null }>({ preview: null, checking: false, error: null });
  const sequence = useRef(0);
  useEffect(() => {
    if (!regionCode || !rule?.trim()) {
      setState({ preview: null, checking: false, error: null });
      return;
    }
    const mine = ++sequence.current;
    setState((s) => ({ ...s, checking: true }));
    const timer = setTimeout(() => {
      previewCampaign({ regionCode, rule })
        .then((preview) => mine === sequence.current && setState({ preview, checking: false, error: null }))
        .catch((error: Error) => mine === sequence.current && setState({ preview: null, checking: false, error: error.message }));
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [regionCode, rule]);
  return state;
}

export function NewCampaignPage() {
  const t = useT();
  const navigate = useNavigate();
  const { can } = useAuth();
  const [form] = Form.useForm<Values>();
  const editor = useRef<CelEditorHandle>(null);
  const regionCode = Form.useWatch('regionCode', form);
  const rule = Form.useWatch('rule', form);
  const { preview, checking, error } = usePreview(regionCode, rule);
  const problems = useMemo(() => (preview?.problems ?? []).map((p) => ({ ...p, field: 'eligibility' as const })), [preview]);
  const marks = useMemo(() => problems.map((p) => ({ offset: p.offset, message: p.message })), [problems]);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const applyTemplate = (template: (typeof TARGET_TEMPLATES)[number]) => {
    form.setFieldsValue({ rule: template.rule, description: form.getFieldValue('description') || t(template.label) });
  };

  const submit = async () => {
    const values = await validValues(form);
    if (!values) return;
    setSaving(true);
    setProblem(null);
    try {
      const created = await createCampaign({
        name: values.name.trim(), regionCode: values.regionCode!, rule: values.rule, description: values.description?.trim() || null,
        startsOn: values.startsOn.format('YYYY-MM-DD'), endsOn: values.endsOn.format('YYYY-MM-DD'),
      });
      navigate(`/campaigns/${created.id}`);
    } catch (e) {
      setProblem(applyApiError(form, e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader title={t('新建摸排')} extra={<Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/campaigns')}>{t('返回')}</Button>} />
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" initialValues={{ startsOn: dayjs(), endsOn: dayjs().add(30, 'day'), rule: '' }}>
        <Row gutter={16}>
          <Col xs={24} xl={15}>
            <Card title={t('基本信息')} className="page-section">
              <Form.Item name="name" label={t('任务名称')} rules={[{ required: true, whitespace: true, message: t('请填写摸排任务名称') }]}>
                <Input maxLength={CAMPAIGN_LIMITS.name} placeholder={t('如：2026年困难职工家庭再梳理再摸排')} />
              </Form.Item>
              <Form.Item name="regionCode" label={t('摸排区域')} rules={[{ required: true, message: t('请选择摸排区域') }]}
                extra={t('区域内、您数据范围内的家庭')}>
                <RegionTreeSelect placeholder={t('选择市、区县、街道或社区')} />
              </Form.Item>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item name="startsOn" label={t('开始日期')} rules={[{ required: true, message: t('请选择开始日期') }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="endsOn" label={t('结束日期')} rules={[{ required: true, message: t('请选择结束日期') }]}>
                    <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
            <Card title={t('目标人群')} className="page-section">
              <Flex wrap gap={8} style={{ marginBottom: 12 }} role="group" aria-label={t('重点群体')}>
                <Typography.Text type="secondary">{t('从重点群体开始')}：</Typography.Text>
                {TARGET_TEMPLATES.map((template) => (
                  <Tag.CheckableTag key={template.key} checked={rule === template.rule} onChange={() => applyTemplate(template)}>{t(template.label)}</Tag.CheckableTag>
                ))}
              </Flex>
              <Form.Item name="rule" label={t('目标人群规则')} rules={[{ required: true, whitespace: true, message: t('请填写目标人群规则') }]}
                extra={t('与政策资格条件同一写法：household 为家庭，person 为户主，如 household.members.exists(m, m.age >= 80)')}>
                <CelEditor ref={editor} problems={marks} ariaLabel={t('目标人群规则')} testId="target-rule-editor" minHeight={80} placeholder='household.hardshipWorker != ""' />
              </Form.Item>
              <RuleProblems problems={problems} checking={checking} checked={Boolean(preview) && problems.length === 0} />
              <Form.Item name="description" label={t('目标人群说明')} style={{ marginTop: 16 }} extra={t('写给走访人员看的白话说明')}>
                <Input.TextArea rows={2} maxLength={CAMPAIGN_LIMITS.description} showCount />
              </Form.Item>
            </Card>
          </Col>
          <Col xs={24} xl={9}>
            <Card title={t('预计摸排')} className="page-section" data-testid="campaign-preview">
              {error && <Alert type="error" showIcon title={error} />}
              {!regionCode || !rule?.trim() ? <Typography.Text type="secondary">{t('选择区域并填写规则后显示符合条件的户数')}</Typography.Text> : (
                <Flex vertical gap={8}>
                  <Statistic title={t('符合条件的家庭')} value={preview?.count ?? '—'} suffix={t('户')} loading={checking && !preview} />
                  {preview?.count != null && (
                    <Typography.Text type="secondary" data-testid="preview-detail">
                      {t('区域内共 {n} 户', { n: preview.considered ?? 0 })}
                      {preview.undecidable ? ` · ${t('{n} 户缺少规则所需信息，未纳入', { n: preview.undecidable })}` : ''}
                    </Typography.Text>
                  )}
                </Flex>
              )}
            </Card>
            {can(POLICY_READ) && (
              <Card title={t('可用字段')} className="page-section" size="small">
                <SchemaReference onInsert={(text) => editor.current?.insert(text)} />
              </Card>
            )}
            <Button type="primary" size="large" block loading={saving} onClick={submit} disabled={preview?.count === 0}>{t('创建摸排任务')}</Button>
          </Col>
        </Row>
      </Form>
    </>
  );
}
