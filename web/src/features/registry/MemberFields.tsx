/** The fields of one person as a household member: relationship, name, ID number, phone. */
import { Col, Form, Input, Row, Select } from 'antd';
import { useT } from '@/lib/i18n';
import { optionsOf, RELATIONSHIPS } from './labels';

/** `prefix` is the member's place in the form: [index] inside a Form.List, or ['person'] in a modal. */
export function MemberFields({ prefix, relationshipName = [...prefix, 'relationship'] }: { prefix: (string | number)[]; relationshipName?: (string | number)[] }) {
  const t = useT();
  return (
    <Row gutter={16}>
      <Col xs={24} sm={12} lg={6}>
        <Form.Item name={relationshipName} label={t('与户主关系')} rules={[{ required: true, message: t('请选择与户主关系') }]}>
          <Select options={optionsOf(RELATIONSHIPS, t)} placeholder={t('请选择')} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12} lg={6}>
        <Form.Item name={[...prefix, 'name']} label={t('姓名')} rules={[{ required: true, whitespace: true, message: t('请输入姓名') }]}>
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12} lg={6}>
        <Form.Item name={[...prefix, 'idNumber']} label={t('身份证号')} rules={[{ required: true, whitespace: true, message: t('请输入身份证号') }]}>
          <Input maxLength={18} className="mono" autoComplete="off" inputMode="text" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12} lg={6}>
        <Form.Item name={[...prefix, 'phone']} label={t('电话')}>
          <Input maxLength={20} inputMode="tel" autoComplete="off" />
        </Form.Item>
      </Col>
    </Row>
  );
}
