/** Users and roles (administrators only). */
import { api } from '@/lib/api';
import type { NewUser, Role, UserSummary } from '@contracts/users';

export type { NewUser, Role, UserSummary } from '@contracts/users';


export const listUsers = (signal?: AbortSignal) => api.get<UserSummary[]>('/api/users', undefined, signal);
export const listRoles = (signal?: AbortSignal) => api.get<Role[]>('/api/roles', undefined, signal);
export const createUser = (user: NewUser) => api.post<{ id: number; generatedPassword: string | null }>('/api/users', user);
