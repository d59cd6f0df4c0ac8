/**
 * Payees' bank accounts (the household head's for household benefits, the person's own for
 * personal ones). Numbers are masked unless the reader holds payment:account_reveal, and
 * each full reveal is audited, like ID numbers.
 */
import { sql, type Kysely } from 'kysely';
import type { BankAccount } from '../../contracts/benefits.js';
import { recordAudit } from '../../kernel/audit.js';
import { can, requirePermission, type Actor } from '../../kernel/auth/actor.js';
import { invalidField, notFound } from '../../kernel/errors.js';
import { findPerson } from '../registry/persons.repo.js';
import { maskAccount } from './payments/bank-file.js';

export async function getBankAccount(db: Kysely<any>, actor: Actor, personId: number, reveal = false): Promise<BankAccount | null> {
  requirePermission(actor, 'benefit:read');
  if (!(await findPerson(db, actor.scope, personId))) throw notFound();
  if (reveal) requirePermission(actor, 'payment:account_reveal');
  const { rows } = await sql<Omit<BankAccount, 'masked'>>`
    select person_id as "personId", bank_name as "bankName", account_number as "accountNumber", account_name as "accountName"
    from bank_accounts where person_id = ${personId}`.execute(db);
  const account = rows[0];
  if (!account) return null;
  if (reveal && can(actor, 'payment:account_reveal')) {
    await recordAudit(db, actor, { action: 'payment.account_revealed', entityType: 'person', entityId: personId });
    return { ...account, masked: false };
  }
  return { ...account, accountNumber: maskAccount(account.accountNumber)!, masked: true };
}

export async function setBankAccount(db: Kysely<any>, actor: Actor, personId: number, input: { bankName: string; accountNumber: string; accountName: string }): Promise<BankAccount> {
  requirePermission(actor, 'registry:write');
  const person = await findPerson(db, actor.scope, personId);
  if (!person) throw notFound();
  const number = input.accountNumber.replace(/\s/g, '');
  if (!/^\d{12,30}$/.test(number)) throw invalidField('accountNumber', '银行账号应为 12 至 30 位数字', 'account numbers have 12 to 30 digits');
  if (!input.bankName.trim()) throw invalidField('bankName', '请填写开户行', 'the bank is required');
  if (!input.accountName.trim()) throw invalidField('accountName', '请填写户名', 'the account name is required');
  await db.transaction().execute(async (trx) => {
    await sql`insert into bank_accounts (person_id, bank_name, account_number, account_name, updated_by)
      values (${personId}, ${input.bankName.trim()}, ${number}, ${input.accountName.trim()}, ${actor.id})
      on conflict (person_id) do update set bank_name = excluded.bank_name, account_number = excluded.account_number,
        account_name = excluded.account_name, updated_by = excluded.updated_by, updated_at = now()`.execute(trx);
    await recordAudit(trx, actor, { action: 'payment.account_set', entityType: 'person', entityId: personId, after: { bankName: input.bankName, accountNumber: maskAccount(number) } });
  });
  return (await getBankAccount(db, actor, personId))!;
}
