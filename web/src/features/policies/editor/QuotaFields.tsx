/** 名额与预算 (optional): per region, the most subjects that may be enrolled and the yearly budget. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, InputNumber, Row } from 'antd';
import { RegionTreeSelect } from '@/components/RegionTreeSelect';
import { useT } from '@/lib/i18n';

export function QuotaFields() {
  const t = useT();
  return (
    <Form.List name="quotas">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Row key={field.key} gutter={8} align="top" wrap>
              <Col xs={24} sm={10}>
                <Form.Item name={[field.name, 'regionCode']} rules={[{ required: true, message: t('请选择区划') }]}>
                  <RegionTreeSelect placeholder={t('区划')} allowClear={false} />
                </Form.Item>
              </Col>
              <Col xs={10} sm={6}>
                <Form.Item name={[field.name, 'quota']}>
                  <InputNumber min={0} precision={0} placeholder={t('名额')} aria-label={t('名额')} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={11} sm={7}>
                <Form.Item name={[field.name, 'budgetYuan']}>
                  <InputNumber min={0} precision={2} prefix="¥" placeholder={t('年度预算（元）')} aria-label={t('年度预算（元）')} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={3} sm={1}>
                <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('删除')} onClick={() => remove(field.name)} />
              </Col>
            </Row>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
            {t('添加区划名额')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
