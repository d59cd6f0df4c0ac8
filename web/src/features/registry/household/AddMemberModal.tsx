/** Adding a new person to a household; the person takes the household's region and address. */
import { FormModal } from '@/components/FormModal';
import { useT } from '@/lib/i18n';
import type { Relationship } from '../labels';
import { MemberFields } from '../MemberFields';
import { addMember, type HouseholdSummary } from '../registry.api';

interface Values {
  relationship: Relationship;
  person: { name: string; idNumber: string; phone?: string };
}

export function AddMemberModal({ household, hasHead, onClose, onSaved }: { household: HouseholdSummary; hasHead: boolean; onClose: () => void; onSaved: () => void }) {
  const t = useT();

  const submit = async ({ relationship, person }: Values) => {
    await addMember(household.id, relationship, {
      name: person.name.trim(),
      idNumber: person.idNumber.trim(),
      phone: person.phone?.trim() || null,
      address: household.address,
      regionCode: household.regionCode,
    });
    onSaved();
  };

  return (
    <FormModal<Values> title={t('添加成员')} okText={t('保存')} onSubmit={submit} onClose={onClose} width={720} initialValues={{ relationship: hasHead ? undefined : 'head' }}>
      <MemberFields prefix={['person']} relationshipName={['relationship']} />
    </FormModal>
  );
}
