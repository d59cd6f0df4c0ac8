/** A run's candidate list as .xlsx, with the list's filters and the reader's data scope. */
import type { Writable } from 'node:stream';
import type { Kysely } from 'kysely';
import { CANDIDATE_DECISION_LABELS, CANDIDATE_KIND_LABELS } from '../../../contracts/policies.js';
import type { Actor } from '../../../kernel/auth/actor.js';
import { yuanCell as yuan } from '../../../kernel/money.js';
import { EXPORT_PAGE, writeSheet } from '../../registry/transfer/export.js';
import type { WaitForRoom } from '../../registry/transfer/xlsx-response.js';
import { candidatePage, type CandidateFilter } from './runs.repo.js';


export function exportCandidates(db: Kysely<any>, actor: Actor, runId: number, filter: CandidateFilter, out: Writable, room: WaitForRoom): Promise<number> {
  return writeSheet(
    {
      name: '政策找人名单',
      columns: [
        { header: '名单类型', width: 12 }, { header: '政策', width: 24 }, { header: '户主', width: 12 }, { header: '对象', width: 12 },
        { header: '家庭编号', width: 10 }, { header: '区划', width: 20 }, { header: '应享金额（元）', width: 14 }, { header: '现享金额（元）', width: 14 },
        { header: '原因', width: 40 }, { header: '处理', width: 10 }, { header: '处理说明', width: 30 }, { header: '处理人', width: 12 },
      ],
      page: (after) => candidatePage(db, runId, actor.scope, filter, after, EXPORT_PAGE),
      cells: (c) => [
        CANDIDATE_KIND_LABELS[c.kind], c.policyName, c.headName, c.personName ?? '（家庭）', c.householdId, c.regionName ?? c.regionCode,
        yuan(c.amountFen), yuan(c.previousAmountFen), c.reason, c.decision ? CANDIDATE_DECISION_LABELS[c.decision] : null, c.decisionReason, c.decidedByName,
      ],
    },
    out,
    room,
  );
}
