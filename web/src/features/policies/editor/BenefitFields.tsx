/**
 * 享受标准: a fixed amount, tiers picked by a CEL value (first match wins), or a CEL formula
 * in fen — each with an optional cap. Amounts are entered in yuan.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import { useT } from '@/lib/i18n';
import { ListErrors } from './ListErrors';
import { CelEditor } from './CelEditor';
import type { BenefitValues } from './form-values';

const yuanInput = { min: 0, precision: 2, step: 10, prefix: '¥', style: { width: '100%' } } as const;

function TierRows() {
  const t = useT();
  return (
    <Form.List name={['benefit', 'tiers']} rules={[{ validator: async (_, tiers) => { if (!tiers?.length) throw new Error(t('请至少设置一档')); } }]}>
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, index) => (
            <Row key={field.key} gutter={8} align="top" wrap>
              <Col xs={24} sm={3}><Typography.Text type="secondary">{t('第 {n} 档', { n: index + 1 })}</Typography.Text></Col>
              <Col xs={10} sm={5}>
                <Form.Item name={[field.name, 'match']} initialValue="equals">
                  <Select aria-label={t('条件')} options={[{ value: 'equals', label: t('等于') }, { value: 'atLeast', label: t('不低于') }]} />
                </Form.Item>
              </Col>
              <Col xs={14} sm={5}>
                <Form.Item name={[field.name, 'value']} rules={[{ required: true, message: t('请填写取值') }]}>
                  <Input aria-label={t('取值')} placeholder={t('如 college 或 3')} className="mono" />
                </Form.Item>
              </Col>
              <Col xs={12} sm={5}>
                <Form.Item name={[field.name, 'amountYuan']} rules={[{ required: true, message: t('请填写金额') }]}>
                  <InputNumber {...yuanInput} aria-label={t('金额（元）')} />
                </Form.Item>
              </Col>
              <Col xs={9} sm={5}>
                <Form.Item name={[field.name, 'label']}>
                  <Input aria-label={t('说明')} placeholder={t('说明')} />
                </Form.Item>
              </Col>
              <Col xs={3} sm={1}>
                <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('删除')} onClick={() => remove(field.name)} />
              </Col>
            </Row>
          ))}
          <ListErrors errors={errors} />
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ match: 'equals' })} style={{ marginBottom: 16 }}>
            {t('添加一档')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

export function BenefitFields({ problems }: { problems: string[] }) {
  const t = useT();
  const kind = Form.useWatch<BenefitValues['kind']>(['benefit', 'kind']);
  return (
    <>
      <Form.Item name={['benefit', 'kind']} label={t('计算方式')}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[{ value: 'fixed', label: t('固定金额') }, { value: 'tiered', label: t('分档') }, { value: 'formula', label: t('公式') }]}
        />
      </Form.Item>
      {kind === 'fixed' && (
        <Form.Item name={['benefit', 'amountYuan']} label={t('金额（元）')} rules={[{ required: true, message: t('请填写金额') }]}>
          <InputNumber {...yuanInput} />
        </Form.Item>
      )}
      {kind === 'tiered' && (
        <>
          <Form.Item name={['benefit', 'by']} label={t('分档依据（CEL 表达式）')} rules={[{ required: true, message: t('请填写分档依据') }]}>
            <CelEditor minHeight={28} ariaLabel={t('分档依据')} placeholder="person.schoolStage" />
          </Form.Item>
          <TierRows />
          <Form.Item name={['benefit', 'otherwiseYuan']} label={t('其他情况（元）')} rules={[{ required: true, message: t('请填写金额') }]}>
            <InputNumber {...yuanInput} />
          </Form.Item>
        </>
      )}
      {kind === 'formula' && (
        <Form.Item
          name={['benefit', 'expression']}
          label={t('计算公式（CEL，结果单位为分）')}
          rules={[{ required: true, message: t('请填写计算公式') }]}
          extra={t('例如 47870 + 20190 * household.size')}
        >
          <CelEditor minHeight={28} ariaLabel={t('计算公式')} />
        </Form.Item>
      )}
      <Form.Item name={['benefit', 'capYuan']} label={t('封顶金额（元，可不填）')}>
        <InputNumber {...yuanInput} />
      </Form.Item>
      {problems.map((p) => (
        <Typography.Paragraph key={p} type="danger" data-testid="benefit-problem">{p}</Typography.Paragraph>
      ))}
    </>
  );
}
