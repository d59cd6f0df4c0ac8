/** The policy permissions as the server names them (server/src/kernel/auth/permissions.ts). */
import type { Permission } from '@/lib/auth';

export const POLICY_READ: Permission = 'policy:read';
export const POLICY_WRITE: Permission = 'policy:write';
export const POLICY_RUN: Permission = 'policy:run';
