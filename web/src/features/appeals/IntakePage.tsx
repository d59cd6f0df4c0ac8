/**
 * 诉求受理 (/appeals/new): one phone call, taken at the keyboard. Focus starts in the category
 * (name, code or pinyin initials; Enter or Tab picks and moves on), then what the caller says,
 * where, the region, the caller's name and phone; Ctrl+Enter (⌘+Enter) saves. The saved appeal
 * shows its number, the unit the catalogue sent it to and its due time, with possible duplicates
 * to merge; Alt+N starts the next call. Each form fill has its own Idempotency-Key, so a double
 * submit or a retry never stores the call twice. Opened from a visit (?visit=id), the form starts
 * with what the grid worker found there: the findings and needs, the address and the region.
 */
import { Alert, App, Button, Card, Col, Descriptions, Flex, Form, Input, Result, Row, Space, Typography, type InputRef, type RefSelectProps } from 'antd';
import type { GetRef } from 'antd';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { PageHeader } from '@/components/PageHeader';
import { useAuth } from '@/lib/auth';
import { applyApiError, validValues } from '@/lib/form-errors';
import { useI18n } from '@/lib/i18n';
import { AppealStatusTag, DueTime, LimitText } from './appeal-tags';
import { newClientId } from '@/lib/client-id';
import { takeIn, type AppealDetail } from './appeals.api';
import { DuplicateList } from './DuplicateList';
import { CategorySelect, RegionSearchSelect } from './pickers';
import { visitFill } from './visit-prefill';
import { getVisit } from '@/features/visits/visits.api';
import { useRequest } from '@/lib/useRequest';

interface IntakeValues {
  categoryCode: string;
  description: string;
  address?: string;
  regionCode: string;
  contactName?: string;
  contactPhone?: string;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function IntakePage() {
  const { t } = useI18n();
  const { me, can } = useAuth();
  const { modal } = App.useApp();
  const [form] = Form.useForm<IntakeValues>();
  const key = useRef(newClientId());
  const sending = useRef(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<AppealDetail | null>(null);
  const category = useRef<RefSelectProps>(null);
  const description = useRef<GetRef<typeof Input.TextArea>>(null);
  const contactName = useRef<InputRef>(null);
  const channel = me?.roles.includes('grid_worker') ? 'grid' : 'hotline';
  const [params] = useSearchParams();
  const visitId = params.get('visit');
  // Not found or not in scope: the form stays empty, as when opened from the menu.
  const { data: fromVisit } = useRequest((signal) => getVisit(Number(visitId), signal), [visitId], !!visitId && /^\d+$/.test(visitId));
  useEffect(() => {
    if (fromVisit) form.setFieldsValue(visitFill(fromVisit));
  }, [fromVisit, form]);

  const submit = useCallback(async () => {
    if (sending.current || saved) return;
    const values = await validValues(form);
    if (!values || sending.current) return;
    sending.current = true;
    setBusy(true);
    setProblem(null);
    try {
      const appeal = await takeIn({
        categoryCode: values.categoryCode,
        description: values.description.trim(),
        address: values.address?.trim() || null,
        regionCode: values.regionCode,
        contactName: values.contactName?.trim() || null,
        contactPhone: values.contactPhone?.trim() || null,
        channel,
      }, key.current);
      setSaved(appeal);
    } catch (error) {
      // The same key is kept: a retry after a lost answer returns the appeal already stored.
      setProblem(applyApiError(form, error));
    } finally {
      sending.current = false;
      setBusy(false);
    }
  }, [form, saved, channel]);

  // Focus goes back to the category once the cleared, enabled form has rendered.
  const [fills, setFills] = useState(0);
  useEffect(() => {
    if (fills > 0) category.current?.focus();
  }, [fills]);
  const nextCall = useCallback(() => {
    form.resetFields();
    key.current = newClientId();
    setSaved(null);
    setProblem(null);
    setFills((n) => n + 1);
  }, [form]);

  const askNextCall = useCallback(() => {
    const touched = Object.values(form.getFieldsValue()).some((v) => v !== undefined && v !== '');
    if (saved || !touched) return nextCall();
    modal.confirm({ title: t('清空正在填写的内容，接听下一个来电？'), okText: t('清空'), cancelText: t('取消'), onOk: nextCall });
  }, [form, saved, nextCall, modal, t]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyN') {
        e.preventDefault();
        askNextCall();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [askNextCall]);

  const onKeyDownCapture = (e: ReactKeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      e.stopPropagation();
      void submit();
    }
  };

  const submitKeys = isMac ? '⌘+Enter' : 'Ctrl+Enter';
  return (
    <>
      <PageHeader title={t('诉求受理')} subtitle={t('边听边录：类别可输入拼音首字母，Tab 依次填写，{keys} 保存，Alt+N 接听下一个来电。', { keys: submitKeys })} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card className="page-section">
            <div onKeyDownCapture={onKeyDownCapture} data-testid="intake-form">
              <Form<IntakeValues> form={form} layout="vertical" disabled={!!saved} requiredMark="optional"
                // A server problem stays under its field only until the field is changed.
                onValuesChange={(changed) => form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof IntakeValues, errors: [] })))}>
                {fromVisit && <Alert type="info" showIcon data-testid="intake-from-visit" style={{ marginBottom: 16 }}
                  title={t('来自 {date} 对 {name} 户的走访：请核对内容、选择类别后保存', { date: fromVisit.visitedOn, name: fromVisit.headName ?? '' })} />}
                {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
                <Form.Item name="categoryCode" label={t('诉求类别')} rules={[{ required: true, message: t('请选择诉求类别') }]}>
                  <CategorySelect ref={category} autoFocus onPicked={() => description.current?.focus()} />
                </Form.Item>
                <Form.Item name="description" label={t('诉求内容')} rules={[{ required: true, whitespace: true, message: t('请填写诉求内容') }]}>
                  <Input.TextArea ref={description} rows={5} maxLength={4000} showCount placeholder={t('来电人反映的问题、诉求和期望')} />
                </Form.Item>
                <Row gutter={16}>
                  <Col xs={24} md={12}>
                    <Form.Item name="address" label={t('发生地址')}>
                      <Input maxLength={200} placeholder={t('街道门牌、小区楼栋或地标')} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item name="regionCode" label={t('所属区划')} rules={[{ required: true, message: t('请选择区划') }]}>
                      <RegionSearchSelect onPicked={() => contactName.current?.focus()} />
                    </Form.Item>
                  </Col>
                </Row>
                <Row gutter={16}>
                  <Col xs={24} md={12}>
                    <Form.Item name="contactName" label={t('来电人')}>
                      <Input ref={contactName} maxLength={50} placeholder={t('姓名或称呼，可不填')} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item name="contactPhone" label={t('联系电话')}>
                      <Input maxLength={20} inputMode="tel" placeholder={t('回访用，可不填')} />
                    </Form.Item>
                  </Col>
                </Row>
                <Flex gap={8} wrap>
                  <Button type="primary" loading={busy} size="large" onClick={() => void submit()}>{t('保存受理')}（{submitKeys}）</Button>
                  <Button size="large" disabled={false} onClick={askNextCall}>{t('下一个来电')}（Alt+N）</Button>
                </Flex>
              </Form>
            </div>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          {saved ? <Saved appeal={saved} canMerge={can('appeal:dispatch')} onMerged={setSaved} onNext={nextCall} /> : <Shortcuts submitKeys={submitKeys} />}
        </Col>
      </Row>
    </>
  );
}

function Saved({ appeal, canMerge, onMerged, onNext }: { appeal: AppealDetail; canMerge: boolean; onMerged: (a: AppealDetail) => void; onNext: () => void }) {
  const { t } = useI18n();
  const merged = appeal.status === 'merged';
  return (
    <Flex vertical gap={16} data-testid="intake-result">
      <Card>
        <Result
          status={merged ? 'info' : 'success'}
          style={{ padding: 0 }}
          title={<>{t('已受理，诉求编号')} <Typography.Text copyable strong className="mono" data-testid="appeal-number">{appeal.number}</Typography.Text></>}
          subTitle={merged ? t('已并案，答复时一并告知来电人') : appeal.responsibleOrgName ? t('已按派单目录派给承办单位') : t('派单目录中没有对应单位，等待人工派单')}
        />
        <Descriptions column={1} size="small" style={{ marginTop: 16 }} items={[
          { key: 'status', label: t('状态'), children: <AppealStatusTag status={appeal.status} /> },
          { key: 'org', label: t('承办单位'), children: <span data-testid="appeal-unit">{appeal.responsibleOrgName ?? t('待派单')}</span> },
          { key: 'limit', label: t('办理时限'), children: <LimitText appeal={appeal} /> },
          { key: 'due', label: t('答复期限'), children: <DueTime appeal={appeal} /> },
        ]} />
        <Flex gap={8} wrap style={{ marginTop: 16 }}>
          <Button type="primary" onClick={onNext} autoFocus>{t('下一个来电')}（Alt+N）</Button>
          <Link to={`/appeals/${appeal.id}`}><Button>{t('查看诉求')}</Button></Link>
        </Flex>
      </Card>
      <Card size="small" title={t('可能重复的诉求（{n}）', { n: appeal.duplicates.length })}>
        <DuplicateList appeal={appeal} canMerge={canMerge} onMerged={onMerged} />
      </Card>
    </Flex>
  );
}

function Shortcuts({ submitKeys }: { submitKeys: string }) {
  const { t } = useI18n();
  const rows: Array<[string, string]> = [
    ['Tab / Shift+Tab', t('下一项 / 上一项')],
    ['Enter / Tab', t('选中高亮的类别或区划并进入下一项')],
    [submitKeys, t('保存受理')],
    ['Alt+N', t('下一个来电（清空并回到类别）')],
  ];
  return (
    <Card size="small" title={t('快捷键')}>
      <Space direction="vertical" size={6}>
        {rows.map(([keys, what]) => (
          <span key={keys}><Typography.Text keyboard>{keys}</Typography.Text> {what}</span>
        ))}
        <Typography.Text type="secondary">{t('类别可输入名称、拼音首字母（如 srhj = 市容环境）或全拼；区划可输入名称或代码。')}</Typography.Text>
      </Space>
    </Card>
  );
}
