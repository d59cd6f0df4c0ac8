/**
 * 我要反映: the citizen's appeal form. What is typed is kept on the device; a submission that
 * gets no answer (network lost, server unreachable) waits there and is resent with the same
 * Idempotency-Key when the network returns, every few seconds meanwhile, or when the page is
 * opened again — the server stores it once whichever attempt reaches it.
 */
import { Alert, Button, Card, Form, Input, Result, Select, Space, Typography, Upload, type UploadFile } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { AppealReceipt, PublicCategory } from '@contracts/appeals-public';
import { RegionTreeSelect } from '@/components/RegionTreeSelect';
import { applyApiError } from '@/lib/form-errors';
import { formatDateTime } from '@/lib/dayjs';
import { failureKind } from '@/lib/failure-kind';
import { useT } from '@/lib/i18n';
import { PUBLIC_REGIONS } from '@/lib/regions';
import { AppealDraftStore, browserStorage, type AppealDraft, type AppealFields } from './appeal-draft';
import { publicCategories, sendAppeal, sendAppealPhoto } from './public.api';

const RETRY_EVERY_MS = 5_000;
/** As the server allows: three photos, sent right after the appeal. */
const MAX_PHOTOS = 3;

function inputOf(fields: AppealFields) {
  return {
    categoryCode: fields.categoryCode ?? '', description: fields.description ?? '', address: fields.address?.trim() || null,
    regionCode: fields.regionCode ?? '', contactName: fields.contactName?.trim() || null, contactPhone: fields.contactPhone?.trim() || null,
  };
}

export function AppealFormPage() {
  const t = useT();
  const navigate = useNavigate();
  const [form] = Form.useForm<AppealFields>();
  const store = useMemo(() => new AppealDraftStore(browserStorage()), []);
  const draft = useRef<AppealDraft>(store.load());
  const [categories, setCategories] = useState<PublicCategory[]>([]);
  const [waiting, setWaiting] = useState(draft.current.submitted);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<AppealReceipt | null>(null);
  // Photos cannot wait in localStorage: they live in the page and follow the appeal once it is stored.
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [photosLost, setPhotosLost] = useState(0);

  useEffect(() => {
    publicCategories().then(setCategories).catch(() => setProblem(t('暂时无法加载诉求类别，请稍后刷新')));
  }, [t]);

  const submit = useCallback(async () => {
    const current = draft.current;
    setSending(true);
    try {
      const stored = await sendAppeal(inputOf(current.fields), current.key);
      let lost = 0;
      for (const photo of photos) {
        if (!photo.originFileObj) continue;
        await sendAppealPhoto(photo.originFileObj, current.key).catch(() => void (lost += 1));
      }
      setPhotos([]);
      setPhotosLost(lost);
      draft.current = store.clear();
      form.resetFields();
      setWaiting(false);
      setProblem(null);
      setReceipt(stored);
    } catch (error) {
      if (failureKind(error) === 'refused') {
        draft.current = { ...current, submitted: false };
        store.save(draft.current);
        setWaiting(false);
        setProblem(applyApiError(form, error));
      } else {
        setWaiting(true);
      }
    } finally {
      setSending(false);
    }
  }, [form, store, photos]);

  // A sent draft without the server's answer: try again when the network is back, and every few seconds.
  useEffect(() => {
    if (!waiting) return;
    const retry = () => void submit();
    window.addEventListener('online', retry);
    const timer = window.setInterval(retry, RETRY_EVERY_MS);
    return () => {
      window.removeEventListener('online', retry);
      window.clearInterval(timer);
    };
  }, [waiting, submit]);

  useEffect(() => {
    if (draft.current.submitted) void submit();
  }, [submit]);

  const onFinish = (fields: AppealFields) => {
    draft.current = { ...draft.current, fields, submitted: true };
    store.save(draft.current);
    setProblem(null);
    void submit();
  };

  if (receipt) {
    return (
      <Card>
        <Result
          status="success"
          title={t('已受理，诉求编号 {number}', { number: receipt.number })}
          subTitle={receipt.responsibleOrgName
            ? t('已派至{unit}，办理时限至 {due}', { unit: receipt.responsibleOrgName, due: receipt.dueAt ? formatDateTime(receipt.dueAt) : '—' })
            : t('正在派单，请记下诉求编号以便查询')}
          extra={[
            photosLost > 0 && <Alert key="photos" type="warning" showIcon title={t('{n} 张照片未能上传，可致电 12345 补充', { n: photosLost })} />,
            <Button key="status" type="primary" onClick={() => navigate(`/appeal/status?number=${receipt.number}`)}>{t('查询进度')}</Button>,
            <Button key="again" onClick={() => setReceipt(null)}>{t('再反映一件')}</Button>,
          ]}
        />
      </Card>
    );
  }

  return (
    <Card title={t('我要反映')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {waiting && <Alert type="warning" showIcon title={t('网络中断，您的诉求已保存在本机')} description={t('恢复网络后将自动重新提交，不会重复登记。')} />}
        {problem && <Alert type="error" showIcon title={problem} />}
        <Form form={form} layout="vertical" initialValues={draft.current.fields} onFinish={onFinish} disabled={waiting}
          onValuesChange={(_, all) => { draft.current = { ...draft.current, fields: all }; store.save(draft.current); }}>
          <Form.Item name="categoryCode" label={t('诉求类别')} rules={[{ required: true, message: t('请选择诉求类别') }]}>
            <Select placeholder={t('请选择')} options={categories.map((c) => ({ value: c.code, label: c.name, title: c.description ?? undefined }))} />
          </Form.Item>
          <Form.Item name="description" label={t('诉求内容')} rules={[{ required: true, whitespace: true, message: t('请填写诉求内容') }]}>
            <Input.TextArea rows={5} maxLength={4000} showCount placeholder={t('请写明什么地方、什么问题、希望怎样解决')} />
          </Form.Item>
          <Form.Item name="regionCode" label={t('所在区域')} rules={[{ required: true, message: t('请选择所在区域') }]}>
            <RegionTreeSelect source={PUBLIC_REGIONS} minLevel={3} />
          </Form.Item>
          <Form.Item name="address" label={t('详细地址')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item label={t('现场照片（最多 3 张）')}>
            <Upload listType="picture-card" accept="image/jpeg,image/png,image/webp" multiple fileList={photos} maxCount={MAX_PHOTOS}
              beforeUpload={() => false} onChange={({ fileList }) => setPhotos(fileList.slice(0, MAX_PHOTOS))}>
              {photos.length < MAX_PHOTOS && <button type="button" className="photo-add"><CameraOutlined /><div>{t('添加照片')}</div></button>}
            </Upload>
          </Form.Item>
          <Form.Item name="contactName" label={t('称呼')}>
            <Input maxLength={50} placeholder={t('如：王先生')} />
          </Form.Item>
          <Form.Item name="contactPhone" label={t('联系电话')} extra={t('用于查询办理进度和回访，不会公开')} rules={[{ required: true, message: t('请填写联系电话') }]}>
            <Input inputMode="tel" maxLength={20} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={sending}>{t('提交诉求')}</Button>
        </Form>
        <Typography.Text type="secondary">{t('提交后请记下诉求编号。答复可能以不含个人信息的方式在“诉求回音”中公开。')}</Typography.Text>
      </Space>
    </Card>
  );
}
