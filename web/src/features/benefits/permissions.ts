/** The benefit and payment permissions as the server names them (server/src/kernel/auth/permissions.ts). */
import type { Permission } from '@/lib/auth';

export const BENEFIT_READ: Permission = 'benefit:read';
export const BENEFIT_APPLY: Permission = 'benefit:apply';
export const BENEFIT_REVIEW: Permission = 'benefit:review';
export const BENEFIT_APPROVE: Permission = 'benefit:approve';
export const PAYMENT_READ: Permission = 'payment:read';
export const PAYMENT_RUN: Permission = 'payment:run';
export const PAYMENT_APPROVE: Permission = 'payment:approve';
export const ACCOUNT_REVEAL: Permission = 'payment:account_reveal';
