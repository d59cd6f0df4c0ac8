/**
 * 登记新家庭: address, region (down to community or grid) and the members in one form; the
 * server saves all or nothing and names the exact member field of each problem.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Form, Input, Row } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { OrganisationTreeSelect } from '@/components/OrganisationTreeSelect';
import { PageHeader } from '@/components/PageHeader';
import { RegionTreeSelect } from '@/components/RegionTreeSelect';
import { applyApiError } from '@/lib/form-errors';
import { useT } from '@/lib/i18n';
import { COMMUNITY_LEVEL } from '@/lib/regions';
import type { Relationship } from './labels';
import { MemberFields } from './MemberFields';
import { createHousehold } from './registry.api';

interface MemberValues {
  relationship: Relationship;
  name: string;
  idNumber: string;
  phone?: string;
}

interface HouseholdValues {
  address?: string;
  regionCode: string;
  orgId?: number;
  members: MemberValues[];
}

export function NewHouseholdPage() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<HouseholdValues>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (values: HouseholdValues) => {
    setBusy(true);
    setProblem(null);
    const address = values.address?.trim() || null;
    try {
      const created = await createHousehold({
        address,
        regionCode: values.regionCode,
        orgId: values.orgId,
        members: values.members.map((m) => ({
          relationship: m.relationship,
          person: { name: m.name.trim(), idNumber: m.idNumber.trim(), phone: m.phone?.trim() || null, address, regionCode: values.regionCode },
        })),
      });
      message.success(t('家庭已登记'));
      navigate(`/households/${created.id}`);
    } catch (error) {
      setProblem(applyApiError(form, error));
    } finally {
      setBusy(false);
    }
  };

  const oneHead = async (_: unknown, members: MemberValues[] | undefined) => {
    const heads = (members ?? []).filter((m) => m?.relationship === 'head').length;
    if (heads !== 1) throw new Error(t('每户须有且只有一名户主'));
  };

  return (
    <>
      <PageHeader title={t('登记新家庭')} />
      <Form<HouseholdValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ members: [{ relationship: 'head' }] }}
        scrollToFirstError={{ block: 'center' }}
      >
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
        <Card title={t('家庭信息')} className="page-section">
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="regionCode" label={t('所属区划（社区/网格）')} rules={[{ required: true, message: t('请选择所属社区或网格') }]}>
                <RegionTreeSelect minLevel={COMMUNITY_LEVEL} placeholder={t('选择或搜索社区、网格')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="orgId" label={t('责任单位')} extra={t('不选则为本人所在单位')}>
                <OrganisationTreeSelect />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="address" label={t('家庭住址')}>
                <Input maxLength={200} placeholder={t('如：西夏区北京西路金波路 12 号 3-2-401')} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title={t('家庭成员')} className="page-section">
          <Form.List name="members" rules={[{ validator: oneHead }]}>
            {(fields, { add, remove }, { errors }) => (
              <Flex vertical gap={12}>
                {fields.map((field, index) => (
                  <Card
                    key={field.key}
                    size="small"
                    type="inner"
                    data-testid={`member-${index}`}
                    title={t('成员 {n}', { n: index + 1 })}
                    extra={
                      fields.length > 1 && (
                        <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('删除成员 {n}', { n: index + 1 })}>
                          {t('删除')}
                        </Button>
                      )
                    }
                  >
                    <MemberFields prefix={[field.name]} />
                  </Card>
                ))}
                <Form.ErrorList errors={errors} />
                <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ relationship: fields.length === 0 ? 'head' : undefined })} style={{ height: 48 }}>
                  {t('添加成员')}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Card>
        <Flex gap={12} justify="flex-end">
          <Button size="large" onClick={() => navigate(-1)}>{t('取消')}</Button>
          <Button size="large" type="primary" htmlType="submit" loading={busy}>{t('保存')}</Button>
        </Flex>
      </Form>
    </>
  );
}
