/**
 * The policy permissions as the server names them (server/src/kernel/auth/permissions.ts).
 * lib/auth's Permission union was written before the policy module, hence the casts in one place.
 */
import type { Permission } from '@/lib/auth';

export const POLICY_READ = 'policy:read' as Permission;
export const POLICY_WRITE = 'policy:write' as Permission;
export const POLICY_RUN = 'policy:run' as Permission;
