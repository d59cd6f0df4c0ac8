/**
 * 核实家庭信息, on a census visit that met the household: each member folded to one line (a
 * long form is hard work on a doorstep); opened, what the registry says now and a thumb-sized
 * way to confirm or correct it — employment, living alone (from 60), incapacity, a disability
 * certificate seen at the door. Only what the worker changes is sent; "…不变" sends nothing. The
 * server writes changes into the normal fact history.
 */
import { Collapse, Flex, Input, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { ErrorAlert } from '@/components/ErrorAlert';
import { getHousehold, type Fact, type Person } from '@/features/registry/registry.api';
import { useT } from '@/lib/i18n';
import { useRequest } from '@/lib/useRequest';
import { DISABILITY_CATEGORY_LABELS, DISABILITY_GRADE_LABELS, INCAPACITY_LEVELS } from '@contracts/registry';
import type { CensusFactInput, CensusFactKind } from './visits.api';

const KEEP = 'keep';
const ELDERLY_AGE = 60;

type Facts = CensusFactInput[];

interface MemberProps {
  person: Person;
  facts: Fact[];
  value: Facts;
  onChange: (value: Facts) => void;
}

function MemberFacts({ person, facts, value, onChange }: MemberProps) {
  const t = useT();
  const entry = (kind: CensusFactKind) => value.find((f) => f.personId === person.id && f.kind === kind);
  const current = (kind: string) => facts.find((f) => f.personId === person.id && f.kind === kind && f.current && f.validTo === null);
  /** Sets this member's entry of a kind; `undefined` takes it out (不变). */
  const set = (kind: CensusFactKind, next: Record<string, unknown> | null | undefined) => {
    const rest = value.filter((f) => !(f.personId === person.id && f.kind === kind));
    onChange(next === undefined ? rest : [...rest, { personId: person.id, kind, value: next }]);
  };
  const job = entry('employment');
  const jobMode = !job ? KEEP : job.value === null ? 'none' : 'employed';
  const alone = entry('elderly_alone');
  const incapacity = entry('incapacitated');
  const disability = entry('disability');
  // What the registry says now: the fact's own label ("就业：宁夏建工集团", "部分失能"), or that there is none.
  const now = (kind: string, none: string) => <Typography.Text type="secondary">{current(kind)?.label ?? t(none)}</Typography.Text>;

  return (
    <Flex vertical gap={10}>
      <label>
        {now('employment', '无就业信息')}
        <Select className="census-select" value={jobMode} aria-label={t('{name}的就业', { name: person.name })}
          onChange={(mode: string) => set('employment', mode === KEEP ? undefined : mode === 'none' ? null : { employer: (job?.value?.employer as string) ?? '' })}
          options={[{ value: KEEP, label: t('就业不变') }, { value: 'employed', label: t('在职（填写单位）') }, { value: 'none', label: t('已无工作') }]} />
      </label>
      {jobMode === 'employed' && (
        <Input className="census-input" placeholder={t('工作单位')} aria-label={t('{name}的工作单位', { name: person.name })} maxLength={100}
          value={(job?.value?.employer as string) ?? ''} onChange={(e) => set('employment', { employer: e.target.value })} />
      )}
      {person.age >= ELDERLY_AGE && (
        <label>
          <Typography.Text type="secondary">{current('elderly_alone') ? t('独居老人') : t('非独居')}</Typography.Text>
          <Select className="census-select" value={!alone ? KEEP : alone.value ? 'yes' : 'no'} aria-label={t('{name}是否独居', { name: person.name })}
            onChange={(v: string) => set('elderly_alone', v === KEEP ? undefined : v === 'yes' ? {} : null)}
            options={[{ value: KEEP, label: t('独居情况不变') }, { value: 'yes', label: t('独居') }, { value: 'no', label: t('不是独居') }]} />
        </label>
      )}
      <label>
        {now('incapacitated', '无失能信息')}
        <Select className="census-select" value={!incapacity ? KEEP : ((incapacity.value?.level as string) ?? 'none')} aria-label={t('{name}的失能情况', { name: person.name })}
          onChange={(v: string) => set('incapacitated', v === KEEP ? undefined : v === 'none' ? null : { level: v })}
          options={[{ value: KEEP, label: t('失能情况不变') }, { value: 'none', label: t('未失能') }, ...Object.entries(INCAPACITY_LEVELS).map(([v, label]) => ({ value: v, label: t(label) }))]} />
      </label>
      <label>
        {now('disability', '无残疾信息')}
        <Select className="census-select" value={disability ? 'seen' : KEEP} aria-label={t('{name}的残疾证', { name: person.name })}
          onChange={(v: string) => set('disability', v === KEEP ? undefined : { category: undefined, grade: undefined, certificateNo: '' })}
          options={[{ value: KEEP, label: t('残疾信息不变') }, { value: 'seen', label: t('见到残疾证（登记）') }]} />
      </label>
      {disability && (
        <Space.Compact block>
          <Select className="census-select" placeholder={t('类别')} aria-label={t('残疾类别')} value={disability.value?.category as number | undefined}
            onChange={(category: number) => set('disability', { ...disability.value, category })}
            options={Object.entries(DISABILITY_CATEGORY_LABELS).map(([v, label]) => ({ value: Number(v), label: t(label) }))} style={{ width: '30%' }} />
          <Select className="census-select" placeholder={t('等级')} aria-label={t('残疾等级')} value={disability.value?.grade as number | undefined}
            onChange={(grade: number) => set('disability', { ...disability.value, grade })}
            options={Object.entries(DISABILITY_GRADE_LABELS).map(([v, label]) => ({ value: Number(v), label: t(label) }))} style={{ width: '30%' }} />
          <Input className="census-input" placeholder={t('残疾证号（20 位）')} aria-label={t('残疾证号')} maxLength={20} style={{ width: '40%' }}
            value={(disability.value?.certificateNo as string) ?? ''} onChange={(e) => set('disability', { ...disability.value, certificateNo: e.target.value })} />
        </Space.Compact>
      )}
    </Flex>
  );
}

/** The form control: the facts to send, as the server takes them. */
export function CensusFacts({ householdId, value = [], onChange }: { householdId: number; value?: Facts; onChange?: (value: Facts) => void }) {
  const t = useT();
  const { data, error, reload } = useRequest((signal) => getHousehold(householdId, signal), [householdId]);
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!data) return <Skeleton active paragraph={{ rows: 3 }} />;
  const changed = (personId: number) => value.filter((f) => f.personId === personId).length;
  return (
    <Flex vertical gap={8} data-testid="census-facts">
      <Typography.Text type="secondary">{t('只需改动与台账不符的项，未改动的不会提交。更正的信息记入家庭信息历史，来源为本次摸排。')}</Typography.Text>
      <Collapse className="census-members" items={data.members.map((person) => ({
        key: person.id,
        label: <span data-testid="census-member">{`${person.name}（${person.age} ${t('岁')}）`}</span>,
        extra: changed(person.id) > 0 ? <Tag color="blue">{t('已改 {n} 项', { n: changed(person.id) })}</Tag> : null,
        children: <MemberFacts person={person} facts={data.facts} value={value} onChange={(next) => onChange?.(next)} />,
      }))} />
    </Flex>
  );
}
