/** 资金来源: sources and their shares in percent; the total is shown as it is typed and must be 100%. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Col, Form, InputNumber, Row, Typography } from 'antd';
import { useT } from '@/lib/i18n';
import { ListErrors } from './ListErrors';
import { percentToBp } from '../money';
import type { EditorValues } from './form-values';

const SOURCES = ['中央财政', '中央财政专项帮扶资金', '自治区财政', '市县财政', '市财政', '工会经费', '福彩公益金'];

/** Summed in basis points, so 33.33 + 33.33 + 33.34 is exactly 100. */
const totalBp = (rows: EditorValues['funding'] | undefined) => (rows ?? []).reduce((sum, row) => sum + percentToBp(row?.percent ?? 0), 0);

export function FundingFields() {
  const t = useT();
  const rows = Form.useWatch<EditorValues['funding']>('funding');
  const total = totalBp(rows);
  return (
    <Form.List
      name="funding"
      rules={[
        {
          validator: async (_, value: EditorValues['funding']) => {
            if (!value?.length) throw new Error(t('请至少填写一个资金来源'));
            const sum = totalBp(value);
            if (sum !== 10_000) throw new Error(t('资金来源比例合计应为 100%，现为 {n}%', { n: (sum / 100).toFixed(2) }));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field) => (
            <Row key={field.key} gutter={8} align="top">
              <Col flex="auto">
                <Form.Item name={[field.name, 'source']} rules={[{ required: true, whitespace: true, message: t('请填写资金来源') }]}>
                  <AutoComplete
                    aria-label={t('资金来源')}
                    placeholder={t('资金来源')}
                    options={SOURCES.map((value) => ({ value }))}
                    showSearch={{ filterOption: (input, option) => String(option?.value ?? '').includes(input) }}
                  />
                </Form.Item>
              </Col>
              <Col flex="140px">
                <Form.Item name={[field.name, 'percent']} rules={[{ required: true, message: t('请填写比例') }]}>
                  <InputNumber min={0} max={100} precision={2} suffix="%" aria-label={t('比例')} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col flex="40px">
                <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('删除')} onClick={() => remove(field.name)} />
              </Col>
            </Row>
          ))}
          <Typography.Paragraph data-testid="funding-total" className="funding-total" type={total === 10_000 ? 'success' : 'danger'}>
            {t('合计 {n}%', { n: (total / 100).toFixed(2) })}
          </Typography.Paragraph>
          <ListErrors errors={errors} />
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ source: '', percent: Math.max(0, (10_000 - total) / 100) })}>
            {t('添加资金来源')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
