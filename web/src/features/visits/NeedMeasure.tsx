/**
 * A need found on a visit, in the visit's detail: 转为措施 opens the plans' measure dialog,
 * prefilled from the need, and saves the measure into the household's plan for the visit's
 * year; a need already turned into a measure links to the plan instead.
 */
import { Button, App, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { MeasureModal } from '@/features/plans/MeasureModal';
import { listPlans, type MeasureType, type Plan } from '@/features/plans/plans.api';
import { getHousehold } from '@/features/registry/registry.api';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { needLabel } from './VisitCard';
import { needToMeasure, type Visit, type VisitNeed } from './visits.api';

const MEASURE_TYPE_OF_NEED: Partial<Record<string, MeasureType>> = {
  medical: 'medical_aid',
  rehabilitation: 'rehabilitation',
  education: 'education_aid',
  employment: 'job_keeping',
  psychological: 'psychological_care',
};

/** The measure type a need most likely calls for; anything else starts as a referral the caseworker can change. */
export const measureTypeOf = (need: string): MeasureType => MEASURE_TYPE_OF_NEED[need] ?? 'referral';

function titleOf(need: VisitNeed): string {
  const text = need.note ? `${needLabel(need.need)}：${need.note}` : `${needLabel(need.need)}需求帮扶`;
  return [...text].slice(0, 100).join('');
}

export function NeedMeasure({ visit, index, onChanged }: { visit: Visit; index: number; onChanged: () => void }) {
  const t = useT();
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const [opening, setOpening] = useState(false);
  const [target, setTarget] = useState<{ plan: Plan; members: Array<{ id: number; name: string }> } | null>(null);
  const need = visit.needs[index]!;

  if (need.measureId !== null) {
    return (
      <Link to={`/households/${visit.householdId}?tab=plan`} data-testid="need-measured">
        <Tag color="green">{t('已转为措施')}</Tag>
      </Link>
    );
  }
  if (!can('plan:write')) return null;

  const open = async () => {
    setOpening(true);
    try {
      const year = Number(visit.visitedOn.slice(0, 4));
      const [plans, household] = await Promise.all([listPlans(visit.householdId), getHousehold(visit.householdId)]);
      const plan = plans.find((p) => p.year === year);
      if (!plan) {
        const notice = modal.warning({
          title: t('该户 {year} 年度尚未制定帮扶计划，请先制定计划', { year }),
          content: <Link to={`/households/${visit.householdId}?tab=plan`} onClick={() => notice.destroy()}>{t('去制定计划')}</Link>,
        });
        return;
      }
      setTarget({ plan, members: household.members.map((m) => ({ id: m.id, name: m.name })) });
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setOpening(false);
    }
  };

  return (
    <>
      <Button size="small" loading={opening} onClick={() => void open()} data-testid="need-to-measure">{t('转为措施')}</Button>
      {target && (
        <MeasureModal
          planId={target.plan.id}
          ownerOrgId={target.plan.ownerOrgId}
          members={target.members}
          initial={{ type: measureTypeOf(need.need), title: titleOf(need), detail: t('{date} 走访发现', { date: visit.visitedOn }) + (need.note ? `：${need.note}` : '') }}
          submit={async (input) => {
            await needToMeasure(visit.id, index, input);
          }}
          onClose={() => setTarget(null)}
          onSaved={() => {
            setTarget(null);
            message.success(t('已转为措施'));
            onChanged();
          }}
        />
      )}
    </>
  );
}
