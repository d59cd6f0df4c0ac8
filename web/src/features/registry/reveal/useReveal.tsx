/**
 * The audited reveal on a household page: asks for a reason, calls
 * POST /api/persons/:id/reveal, and keeps the clear values for this page view only.
 */
import { useState } from 'react';
import { useT } from '@/lib/i18n';
import { revealPerson, type Fact, type Person, type RevealField } from '../registry.api';
import { RevealModal } from './RevealModal';

interface Pending {
  person: Pick<Person, 'id' | 'name'>;
  fields: RevealField[];
}

/** `onRevealed` runs after each reveal (the page reloads its history, which now lists it). */
export function useReveal(onRevealed?: () => void) {
  const t = useT();
  const [pending, setPending] = useState<Pending | null>(null);
  const [identity, setIdentity] = useState<Map<number, { idNumber?: string; phone?: string | null }>>(new Map());
  const [health, setHealth] = useState<Map<number, Fact>>(new Map());

  const confirm = async (reason: string) => {
    if (!pending) return;
    const result = await revealPerson(pending.person.id, pending.fields, reason);
    if (result.idNumber !== undefined || result.phone !== undefined) {
      setIdentity((current) => new Map(current).set(pending.person.id, { idNumber: result.idNumber, phone: result.phone }));
    }
    if (result.healthFacts) {
      setHealth((current) => {
        const next = new Map(current);
        for (const fact of result.healthFacts ?? []) next.set(fact.id, fact);
        return next;
      });
    }
    setPending(null);
    onRevealed?.();
  };

  const subject = pending
    ? pending.fields.includes('health')
      ? t('{name} 的残疾和健康信息', { name: pending.person.name })
      : t('{name} 的完整身份证号和电话', { name: pending.person.name })
    : '';

  const modal = <RevealModal open={pending !== null} subject={subject} onCancel={() => setPending(null)} onConfirm={confirm} />;

  return {
    modal,
    request: (person: Pending['person'], fields: RevealField[]) => setPending({ person, fields }),
    identityOf: (personId: number) => identity.get(personId),
    revealedFact: (factId: number) => health.get(factId),
  };
}
