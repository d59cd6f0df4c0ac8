/**
 * A payment run covers every enrollment of its period, whoever registered the household; so
 * does its bank file. Whoever builds, approves, releases or settles it must therefore see the
 * whole of it: their data scope must be 全部. (Caseworkers review the corrections of their own
 * households, line by line, within their scope.)
 */
import { requirePermission, type Actor } from '../../../kernel/auth/actor.js';
import type { Permission } from '../../../kernel/auth/permissions.js';
import { AppError } from '../../../kernel/errors.js';

export function requireWholeBatch(actor: Actor, permission: Permission): void {
  requirePermission(actor, permission);
  if (!actor.scope.all) {
    throw new AppError('forbidden', { zh: '发放批次覆盖全部区域，须由数据范围为“全部数据”的人员办理', en: 'payment runs cover every region: a user with the whole data scope must handle them' });
  }
}
