/** The citizen's calls: no session, so nothing here depends on being signed in. */
import type { AppealInput } from '@contracts/appeals';
import type { AppealReceipt, DigestEntry, PublicAppealStatus, PublicCategory } from '@contracts/appeals-public';
import type { AttachmentView } from '@contracts/files';
import { api, upload } from '@/lib/api';

export const publicCategories = () => api.get<PublicCategory[]>('/api/public/appeal-categories');
export const sendAppeal = (input: AppealInput, idempotencyKey: string) =>
  api.post<AppealReceipt>('/api/public/appeals', input, { headers: { 'Idempotency-Key': idempotencyKey } });
export const lookUpAppeal = (number: string, phone: string) => api.post<PublicAppealStatus>('/api/public/appeals/lookup', { number, phone });
export const digest = (query: { page: number; pageSize: number; categoryCode?: string }) =>
  api.get<{ items: DigestEntry[]; total: number }>('/api/public/digest', query);
/** A photo for the appeal just sent; the appeal's Idempotency-Key proves it is the sender's. */
export const sendAppealPhoto = (file: File, idempotencyKey: string) =>
  upload<AttachmentView>('/api/public/appeals/photos', file, undefined, {}, { 'Idempotency-Key': idempotencyKey });
