/**
 * The version form: basics, the eligibility rule in CodeMirror with the live check marked in
 * place, the benefit, funding, quotas — and beside it the try-out on a household and the
 * field reference. Saving is the page's business (onSubmit).
 */
import { Alert, Button, Card, Checkbox, Col, DatePicker, Form, Input, Radio, Row, type FormInstance } from 'antd';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { POLICY_PERIOD_LABELS, POLICY_TARGET_LABELS, type RuleProblem } from '@contracts/policies';
import { OrganisationTreeSelect } from '@/components/OrganisationTreeSelect';
import { useT } from '@/lib/i18n';
import { BenefitFields } from './BenefitFields';
import { CelEditor, type CelEditorHandle } from './CelEditor';
import { toBenefit, type EditorValues } from './form-values';
import { FundingFields } from './FundingFields';
import { QuotaFields } from './QuotaFields';
import { RuleProblems } from './RuleProblems';
import { SchemaReference } from './SchemaReference';
import { TryOnHousehold } from './TryOnHousehold';
import { useRuleCheck } from './useRuleCheck';

interface Props {
  form: FormInstance<EditorValues>;
  initialValues: EditorValues;
  isNew: boolean;
  busy: boolean;
  problem: string | null;
  onSubmit: (values: EditorValues) => void;
  onCancel: () => void;
}

const Section = ({ title, children }: { title: string; children: ReactNode }) => <Card title={title} className="page-section">{children}</Card>;

function useLiveCheck(form: FormInstance<EditorValues>, householdId: number | undefined) {
  const target = Form.useWatch('target', form);
  const eligibility = Form.useWatch('eligibility', form);
  const benefit = Form.useWatch('benefit', form);
  const period = Form.useWatch('period', form);
  const request = useMemo(
    () => (eligibility?.trim() && target ? { target, eligibility, benefit: toBenefit(benefit), period, householdId } : null),
    [target, eligibility, benefit, period, householdId],
  );
  const check = useRuleCheck(request);
  const problems = request ? (check.result?.problems ?? []) : [];
  return { ...check, active: Boolean(request), problems };
}

export function EditorForm({ form, initialValues, isNew, busy, problem, onSubmit, onCancel }: Props) {
  const t = useT();
  const editor = useRef<CelEditorHandle>(null);
  const [householdId, setHouseholdId] = useState<number>();
  const check = useLiveCheck(form, householdId);
  const ruleProblems: RuleProblem[] = check.problems.filter((p) => p.field === 'eligibility');
  const benefitProblems = check.problems.filter((p) => p.field === 'benefit').map((p) => p.message);
  const marks = useMemo(() => ruleProblems.map((p) => ({ offset: p.offset, message: p.message })), [JSON.stringify(ruleProblems)]);

  return (
    <Form<EditorValues> form={form} layout="vertical" initialValues={initialValues} onFinish={onSubmit} scrollToFirstError>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 0]}>
        <Col xs={24} xl={15}>
          <Section title={t('基本信息')}>
            <Row gutter={16}>
              {isNew && (
                <>
                  <Col xs={24} md={12}>
                    <Form.Item name="code" label={t('政策编码')} extra={t('小写字母、数字和连字符，如 nx-elderly-subsidy')}
                      rules={[{ required: true, message: t('请填写政策编码') }, { pattern: /^[a-z0-9][a-z0-9-]{1,62}$/, message: t('只能用小写字母、数字和连字符，2–63 位') }]}>
                      <Input className="mono" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item name="orgId" label={t('主管单位')} rules={[{ required: true, message: t('请选择主管单位') }]}>
                      <OrganisationTreeSelect />
                    </Form.Item>
                  </Col>
                </>
              )}
              <Col xs={24} md={12}>
                <Form.Item name="nameZh" label={t('政策名称')} rules={[{ required: true, whitespace: true, message: t('请填写政策名称') }]}>
                  <Input maxLength={100} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="nameEn" label={t('英文名称')}>
                  <Input maxLength={200} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="target" label={t('享受对象')}>
                  <Radio.Group optionType="button" options={Object.entries(POLICY_TARGET_LABELS).map(([value, label]) => ({ value, label: t(label) }))} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="period" label={t('发放周期')}>
                  <Radio.Group optionType="button" options={Object.entries(POLICY_PERIOD_LABELS).map(([value, label]) => ({ value, label: t(label) }))} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name="effectiveFrom" label={t('生效日期')} rules={[{ required: true, message: t('请选择生效日期') }]}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name="effectiveTo" label={t('失效日期')} dependencies={['effectiveFrom']}
                  rules={[({ getFieldValue }) => ({ validator: async (_, to) => { if (to && !to.isAfter(getFieldValue('effectiveFrom'))) throw new Error(t('失效日期须晚于生效日期')); } })]}>
                  <DatePicker style={{ width: '100%' }} placeholder={t('长期')} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="basis" label={t('政策依据')}>
                  <Input maxLength={200} placeholder={t('如 宁总工发〔2024〕12号')} />
                </Form.Item>
              </Col>
              <Col xs={24}>
                <Form.Item name="note" label={t('说明')}>
                  <Input.TextArea rows={2} maxLength={1000} />
                </Form.Item>
              </Col>
            </Row>
          </Section>
          <Section title={t('资格条件')}>
            <Form.Item name="eligibility" rules={[{ required: true, whitespace: true, message: t('请填写资格条件') }]} extra={t('CEL 表达式，如 person.age >= 60 && household.assistanceStatus == "dibao"')}>
              <CelEditor ref={editor} problems={marks} ariaLabel={t('资格条件')} testId="eligibility-editor" placeholder='person.schoolStage in ["primary", "junior_high"]' />
            </Form.Item>
            <RuleProblems problems={ruleProblems} checking={check.checking} checked={check.active && check.result !== null} />
          </Section>
          <Section title={t('享受标准')}>
            <BenefitFields problems={benefitProblems} />
          </Section>
          <Section title={t('资金来源')}>
            <FundingFields />
          </Section>
          <Section title={t('名额与预算（可选）')}>
            <QuotaFields />
          </Section>
          <Card className="page-section">
            {isNew && (
              <Form.Item name="adopt" valuePropName="checked">
                <Checkbox>{t('保存后立即启用')}</Checkbox>
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" loading={busy} size="large">
              {isNew ? t('保存政策') : t('保存为新草稿版本')}
            </Button>
            <Button size="large" style={{ marginInlineStart: 12 }} onClick={onCancel}>
              {t('取消')}
            </Button>
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <TryOnHousehold householdId={householdId} onHousehold={setHouseholdId} evaluations={check.result?.evaluations ?? null}
            checking={check.checking} blocked={check.problems.length > 0} error={check.error} />
          <Card title={t('可用字段')} className="page-section">
            <SchemaReference onInsert={(text) => editor.current?.insert(text)} />
          </Card>
        </Col>
      </Row>
    </Form>
  );
}
