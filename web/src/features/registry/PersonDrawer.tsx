/** One person at a glance from the person search: identity (masked until revealed), household, facts. */
import { EyeOutlined } from '@ant-design/icons';
import { Button, Descriptions, Drawer, Empty, Flex, Skeleton, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '@/components/ErrorAlert';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { useIsMobile } from '@/lib/useMedia';
import { useRequest } from '@/lib/useRequest';
import { FACT_KINDS, RELATIONSHIPS, SEX } from './labels';
import { getPerson, type Fact } from './registry.api';
import { useReveal } from './reveal/useReveal';

export function PersonDrawer({ personId, onClose }: { personId: number; onClose: () => void }) {
  const t = useT();
  const { can } = useAuth();
  const mobile = useIsMobile();
  const { data: person, error, reload } = useRequest((signal) => getPerson(personId, signal), [personId]);
  const reveal = useReveal();
  const clear = reveal.identityOf(personId);

  const factLabel = (fact: Fact) => {
    const revealed = reveal.revealedFact(fact.id);
    if (revealed) return revealed.label;
    if (!fact.masked) return fact.label;
    return (
      <Space size={4}>
        <Tag>{t('已脱敏')}</Tag>
        {can('health:reveal') && person && (
          <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => reveal.request(person, ['health'])}>
            {t('查看')}
          </Button>
        )}
      </Space>
    );
  };

  return (
    <Drawer open onClose={onClose} size={mobile ? '100%' : 520} title={person?.name ?? t('加载中…')}>
      {error && <ErrorAlert error={error} onRetry={reload} />}
      {!person ? (
        !error && <Skeleton active />
      ) : (
        <>
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'sex', label: t('性别'), children: `${t(SEX[person.sex])}，${t('{n} 岁', { n: person.age })}（${person.birthDate}）` },
              { key: 'id', label: t('身份证号'), children: <span className="mono">{clear?.idNumber ?? person.idNumber}</span> },
              { key: 'phone', label: t('电话'), children: <span className="mono">{clear ? (clear.phone ?? '—') : (person.phone ?? '—')}</span> },
              { key: 'address', label: t('地址'), children: person.address ?? '—' },
              { key: 'region', label: t('所属区划'), children: person.regionName },
              {
                key: 'household',
                label: t('家庭'),
                children: person.householdId ? (
                  <Link to={`/households/${person.householdId}`}>
                    {t('查看家庭')}
                    {person.relationship && `（${t(RELATIONSHIPS[person.relationship])}）`}
                  </Link>
                ) : (
                  <Tag>{t('未入户')}</Tag>
                ),
              },
            ]}
          />
          {can('pii:reveal') && !clear && (
            <Button icon={<EyeOutlined />} onClick={() => reveal.request(person, ['idNumber', 'phone'])} style={{ margin: '8px 0 16px' }}>
              {t('查看完整身份证号和电话')}
            </Button>
          )}
          <Typography.Title level={5}>{t('个人信息记录')}</Typography.Title>
          {person.facts.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无记录')} />}
          <Flex vertical gap={12}>
            {person.facts.map((fact) => (
              <div key={fact.id} className="fact-line">
                <Space wrap>
                  <Typography.Text strong>{t(FACT_KINDS[fact.kind]?.label ?? fact.kind)}</Typography.Text>
                  {factLabel(fact)}
                  {!fact.current && <Tag>{t('已失效')}</Tag>}
                </Space>
                <Typography.Text type="secondary" style={{ display: 'block' }}>
                  {`${fact.validFrom} ~ ${fact.validTo ?? t('长期')} · ${fact.source}`}
                </Typography.Text>
              </div>
            ))}
          </Flex>
        </>
      )}
      {reveal.modal}
    </Drawer>
  );
}
