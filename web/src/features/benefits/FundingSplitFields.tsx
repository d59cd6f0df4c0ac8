/**
 * A one-off grant split by hand across funding sources (city union, district union, insurer …):
 * rows of source and amount in yuan that must add up to the grant. Sent as weights in fen.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Col, Form, Input, Row, Typography } from 'antd';
import type { FundingWeight } from '@contracts/benefits';
import { useT } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { formatYuan } from '@/features/policies/money';
import { listFundingSources } from '@/features/payments/payments.api';
import { parseYuan, yuanRule } from './yuan';

export interface SplitRow {
  source?: string;
  amount?: string;
}

const sumFen = (rows: SplitRow[] | undefined) => (rows ?? []).reduce((sum, row) => sum + (parseYuan(row?.amount) ?? 0), 0);

/** The rows as the API wants them, or null when there are none. */
export function splitWeights(rows: SplitRow[] | undefined): FundingWeight[] | null {
  const filled = (rows ?? []).filter((r) => r?.source?.trim());
  return filled.length ? filled.map((r) => ({ source: r.source!.trim(), weight: parseYuan(r.amount) ?? 0 })) : null;
}

export function FundingSplitFields({ totalFen }: { totalFen: number | null }) {
  const t = useT();
  const rows = Form.useWatch<SplitRow[]>('funding');
  const { data: sources } = useRequest((signal) => listFundingSources(signal).catch(() => []), []);
  const sum = sumFen(rows);
  return (
    <Form.List
      name="funding"
      rules={[
        {
          validator: async (_, value: SplitRow[] | undefined) => {
            if (!value?.length) return;
            if (totalFen === null) throw new Error(t('按来源分摊时须填写救助金额'));
            if (sumFen(value) !== totalFen) throw new Error(t('各来源金额合计 {sum}，应等于救助金额 {total}', { sum: formatYuan(sumFen(value)), total: formatYuan(totalFen) }));
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
                  <AutoComplete aria-label={t('资金来源')} placeholder={t('资金来源')} options={(sources ?? []).map((s) => ({ value: s.name }))}
                    showSearch={{ filterOption: (input, option) => String(option?.value ?? '').includes(input) }} />
                </Form.Item>
              </Col>
              <Col flex="150px">
                <Form.Item name={[field.name, 'amount']} rules={[yuanRule(t)]}>
                  <Input inputMode="decimal" suffix={t('元')} aria-label={t('来源金额（元）')} />
                </Form.Item>
              </Col>
              <Col flex="40px">
                <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('删除')} onClick={() => remove(field.name)} />
              </Col>
            </Row>
          ))}
          {fields.length > 0 && (
            <Typography.Paragraph className="funding-total" type={totalFen !== null && sum === totalFen ? 'success' : 'danger'} data-testid="split-total">
              {t('合计 {sum} / 救助金额 {total}', { sum: formatYuan(sum), total: formatYuan(totalFen) })}
            </Typography.Paragraph>
          )}
          <Form.ErrorList errors={errors} />
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ source: '', amount: '' })} style={{ marginBottom: 16 }}>
            {t('按来源分摊')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
