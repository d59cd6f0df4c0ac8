/**
 * What citizens see of appeals without signing in: the receipt after sending one, its progress
 * looked up by number and phone, and the public digest of answered appeals. Nothing here names
 * a caller or a member of staff.
 */
import type { AppealEventKind, AppealStatus, Satisfaction } from './appeals.js';

export interface AppealReceipt {
  number: string;
  status: AppealStatus;
  responsibleOrgName: string | null;
  dueAt: string | null;
  createdAt: string;
}

export interface PublicAppealStep {
  kind: AppealEventKind;
  orgName: string | null;
  at: string;
}

/** The caller's own appeal, shown to whoever knows its number and the phone it was given with. */
export interface PublicAppealStatus extends AppealReceipt {
  categoryName: string;
  description: string;
  address: string | null;
  regionName: string | null;
  /** The unit's answer (回音), once approved. */
  replyText: string | null;
  repliedAt: string | null;
  satisfaction: Satisfaction | null;
  closedAt: string | null;
  steps: PublicAppealStep[];
}

/** One entry of the public digest: the question and the answer in plain words, no personal data. */
export interface DigestEntry {
  number: string;
  categoryName: string;
  regionName: string | null;
  question: string;
  answer: string;
  unitName: string | null;
  repliedAt: string;
}

export interface PublicCategory {
  code: string;
  name: string;
  description: string | null;
}
