/**
 * 记录走访, on a phone at the door: household, date, who came along, what the visit was for,
 * whether anyone was home, what was found, the needs found, photos. Every change is kept on
 * the device; a save that cannot reach the server queues the visit to be sent when the network
 * is back. The visit is saved first and its photos after it, so a refused photo loses nothing.
 * Opened from 我的摸排任务 (?campaignId=), it is a census visit: 摸排核查 is ticked, and when the
 * household is met the worker can confirm or correct its members' facts.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { PageHeader } from '@/components/PageHeader';
import { applyApiError, validValues } from '@/lib/form-errors';
import { dayjs } from '@/lib/dayjs';
import { useT } from '@/lib/i18n';
import { listCensusTasks } from '@/features/campaigns/campaigns.api';
import { getHousehold } from '@/features/registry/registry.api';
import { CensusFacts } from './CensusFacts';
import { HouseholdSelect } from './HouseholdSelect';
import { PhotoResult } from './PhotoResult';
import { holdPhotos, useDraftStore, useDraftSync } from './useDraftSync';
import { CheckTags, NeedsInput, PhotoPicker, type NeedValue } from './VisitFields';
import { newClientId } from '@/lib/client-id';
import { failureKind } from '@/lib/failure-kind';
import type { VisitDraft } from './visit-drafts';
import {
  householdLabel as householdLabelOf, inputOf, recordVisit, uploadPhotos, VISIT_LIMITS, VISIT_OUTCOMES, VISIT_PURPOSES, type CensusFactInput, type Visit,
} from './visits.api';
import './visits.css';

interface Values {
  householdId: number | null;
  visitedOn: Dayjs | null;
  companions: string[];
  purposes: string[];
  outcome: string;
  findings?: string;
  needs: NeedValue[];
  facts?: CensusFactInput[];
}

function blankDraft(householdId: number | null, campaignId: number | null): VisitDraft {
  return {
    clientId: newClientId(), householdId, householdLabel: null, visitedOn: dayjs().format('YYYY-MM-DD'), companions: [], purposes: campaignId ? ['census'] : [],
    outcome: 'visited', findings: '', needs: [], campaignId, campaignLabel: null, facts: [], updatedAt: new Date().toISOString(),
  };
}

const valuesOf = (d: VisitDraft): Values => ({
  householdId: d.householdId, visitedOn: d.visitedOn ? dayjs(d.visitedOn) : null, companions: d.companions, purposes: d.purposes,
  outcome: d.outcome, findings: d.findings, needs: d.needs, facts: d.facts ?? [],
});

export function VisitFormPage() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const presetHousehold = Number(params.get('householdId')) || null;
  const presetCampaign = Number(params.get('campaignId')) || null;
  const store = useDraftStore();
  useDraftSync(store);
  const [form] = Form.useForm<Values>();
  // Where the form starts: a queued draft taken back to correct, the draft left in the form last time, or a new visit.
  // A draft already in the form wins over ?householdId: starting another visit must not overwrite it unasked.
  const [start] = useState(() => {
    const wanted = params.get('draft');
    const reopened = wanted ? (store?.reopen(wanted) ?? null) : null;
    const kept = reopened ?? store?.editing() ?? null;
    if (kept) return { draft: kept, notice: kept.problem ? 'refused' : 'restored' } as const;
    return { draft: blankDraft(presetHousehold, presetCampaign), notice: null };
  });
  const draft = useRef<VisitDraft>(start.draft);
  const [householdLabel, setHouseholdLabel] = useState(start.draft.householdLabel);
  const [notice, setNotice] = useState<string | null>(
    start.notice === 'refused' ? t('此草稿未能提交：{problem}。请修改后重新保存。', { problem: start.draft.problem ?? '' })
      : start.notice === 'restored' ? t('已恢复本机上次未保存的走访草稿') : null,
  );
  const [photos, setPhotos] = useState<File[]>([]);
  const [campaignLabel, setCampaignLabel] = useState(start.draft.campaignLabel ?? null);
  const [campaignId, setCampaignId] = useState(start.draft.campaignId ?? null);
  const outcome = Form.useWatch('outcome', form);
  const householdId = Form.useWatch('householdId', form);
  const back = campaignId ? '/census-tasks' : '/visits';
  useEffect(() => {
    // The campaign's name comes from the worker's task list (kept with the draft, to show it offline).
    if (!campaignId || campaignLabel) return;
    listCensusTasks().then((tasks) => {
      const name = tasks.find((task) => task.campaignId === campaignId)?.campaignName;
      if (!name) return;
      draft.current = { ...draft.current, campaignLabel: name };
      setCampaignLabel(name);
    }).catch(() => undefined);
  }, [campaignId, campaignLabel]);
  useEffect(() => {
    // A household chosen elsewhere (its page's 记录走访) arrives as an id; its name comes from the registry.
    const id = draft.current.householdId;
    if (!id || householdLabel) return;
    getHousehold(id).then((data) => {
      const label = householdLabelOf(data.household);
      draft.current = { ...draft.current, householdLabel: label };
      setHouseholdLabel(label);
    }).catch(() => undefined);
  }, [householdLabel]);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ visit: Visit; failed: Array<{ file: File; error: string }> } | null>(null);

  const keep = (values: Values, label = householdLabel) => {
    draft.current = {
      ...draft.current, householdId: values.householdId ?? null, householdLabel: label, visitedOn: values.visitedOn?.format('YYYY-MM-DD') ?? '',
      companions: values.companions ?? [], purposes: values.purposes ?? [], outcome: values.outcome, findings: values.findings ?? '',
      needs: values.needs ?? [], facts: values.facts ?? draft.current.facts ?? [], updatedAt: new Date().toISOString(), problem: null,
    };
    if (store && !store.keepEditing(draft.current)) setNotice(t('本机存储已满或不可用，草稿无法保存在本机'));
  };

  const startOver = () => {
    store?.discardEditing();
    draft.current = blankDraft(presetHousehold, presetCampaign);
    setHouseholdLabel(null);
    setCampaignId(presetCampaign);
    setCampaignLabel(null);
    setPhotos([]);
    setNotice(null);
    form.setFieldsValue(valuesOf(draft.current));
  };

  const save = async () => {
    const values = await validValues(form);
    if (!values) return;
    keep(values);
    setSaving(true);
    setProblem(null);
    try {
      const visit = await recordVisit(inputOf(draft.current));
      store?.discardEditing();
      const failed = photos.length ? await uploadPhotos(visit.id, photos) : [];
      if (failed.length) setSaved({ visit, failed });
      else {
        message.success(t('走访记录已保存'));
        navigate(back);
      }
    } catch (error) {
      if (failureKind(error) === 'offline' && store?.queue(draft.current)) {
        holdPhotos(draft.current.clientId, photos);
        message.info(t('已保存为本机草稿，联网后自动提交'), 6);
        navigate(back);
        return;
      }
      // Field problems go under their fields: "needs.1.note" belongs to the needs control.
      setProblem(applyApiError(form, error, (field) => field.split('.')[0]));
    } finally {
      setSaving(false);
    }
  };

  if (saved) return <PhotoResult visit={saved.visit} failed={saved.failed} onDone={() => navigate(back)} />;

  return (
    <div className="visit-page visit-form-page">
      <PageHeader title={campaignId ? t('摸排走访') : t('记录走访')} extra={<Button icon={<ArrowLeftOutlined />} onClick={() => navigate(back)}>{t('返回')}</Button>} />
      {campaignId && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="census-banner"
          title={t('摸排任务：{name}', { name: campaignLabel ?? `#${campaignId}` })} description={t('走访结果将计入摸排进度')} />
      )}
      {notice && (
        <Alert type={start.notice === 'refused' ? 'warning' : 'info'} showIcon closable title={notice} style={{ marginBottom: 12 }}
          action={start.notice === 'restored' ? <Button size="small" onClick={startOver}>{t('重新开始')}</Button> : undefined} onClose={() => setNotice(null)} />
      )}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Card>
        <Form<Values> form={form} layout="vertical" initialValues={valuesOf(start.draft)} onValuesChange={(_, all) => keep(all)} className="visit-form">
          <Form.Item name="householdId" label={t('走访家庭')} rules={[{ required: true, message: t('请选择走访的家庭') }]}>
            <HouseholdSelect label={householdLabel} onChange={(_, label) => {
              setHouseholdLabel(label);
              // Facts checked belong to the members of the household they were checked for.
              form.setFieldValue('facts', []);
              // The form has already kept the new id; keep its label with it, for the queue to show offline.
              keep(form.getFieldsValue(true), label);
            }} />
          </Form.Item>
          <Form.Item name="visitedOn" label={t('走访日期')} rules={[{ required: true, message: t('请选择走访日期') }]}>
            <DatePicker inputReadOnly style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.year() < 2000} />
          </Form.Item>
          <Form.Item name="companions" label={t('同行人员')} extra={t('记录人之外一同走访的人，输入姓名后按回车')}>
            <Select mode="tags" tokenSeparators={[',', '，', '、']} maxCount={VISIT_LIMITS.companions} suffixIcon={null} notFoundContent={null}
              placeholder={t('如：社区书记 马慧')} aria-label={t('同行人员')} />
          </Form.Item>
          <Form.Item name="purposes" label={t('走访事项（可多选）')} rules={[{ required: true, type: 'array', min: 1, message: t('请至少选择一项走访事项') }]}>
            <CheckTags options={VISIT_PURPOSES} label={t('走访事项')} />
          </Form.Item>
          <Form.Item name="outcome" label={t('走访结果')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" buttonStyle="solid" className="touch-radios"
              options={Object.entries(VISIT_OUTCOMES).map(([value, label]) => ({ value, label: t(label) }))} />
          </Form.Item>
          {campaignId && outcome === 'visited' && householdId && (
            <Form.Item name="facts" label={t('核实家庭信息')}>
              <CensusFacts householdId={householdId} />
            </Form.Item>
          )}
          <Form.Item name="findings" label={t('走访情况')}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={VISIT_LIMITS.findings} showCount placeholder={t('家庭现状、反映的问题、已做的工作')} />
          </Form.Item>
          <Form.Item name="needs" label={t('发现需求')} extra={t('每项需求可转为帮扶措施或诉求')}>
            <NeedsInput />
          </Form.Item>
          <Form.Item label={t('照片')} extra={t('走访记录保存后上传')}>
            <PhotoPicker files={photos} onChange={setPhotos} busy={saving} />
          </Form.Item>
          <Button type="primary" size="large" block className="touch-button" loading={saving} onClick={save}>
            {saving && photos.length ? t('正在保存并上传照片…') : t('保存走访记录')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
