/** Who is acting: the signed-in user as services see it. */
import { ALL_PERMISSIONS, type Permission } from './permissions.js';
import { FULL_SCOPE, type DataScope } from './scope.js';
import { forbidden } from '../errors.js';

export interface Actor {
  id: number | null;
  name: string;
  orgId: number | null;
  permissions: ReadonlySet<Permission>;
  scope: DataScope;
  ip: string | null;
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw forbidden();
}

/** The actor for CLI commands and start-up jobs run by an operator on the server itself. */
export function systemActor(name = 'system'): Actor {
  return { id: null, name, orgId: null, permissions: new Set(ALL_PERMISSIONS), scope: FULL_SCOPE, ip: null };
}

