/** The users API contract, shared by the server and the web app. Pure types, no imports. */

export type DataScopeLevel = 'all' | 'custom' | 'dept' | 'dept_and_below' | 'self';

export interface UserSummary {
  id: number;
  username: string;
  displayName: string;
  orgId: number;
  orgName: string;
  regionCode: string | null;
  roles: string[];
  disabled: boolean;
  mustChangePassword: boolean;
  lastSignInAt: string | null;
}

/** What an administrator enters to create a user; the first password is generated. */
export interface NewUser {
  username: string;
  displayName: string;
  orgId: number;
  roleCodes: string[];
  regionCode?: string | null;
}

export interface Role {
  id: number;
  code: string;
  name: string;
  permissions: string[];
  dataScope: DataScopeLevel;
  builtin: boolean;
}
