/** The import API contract, shared by the server and the web app. Pure types, no imports. */

export type ImportKind = 'persons' | 'households';
export type ImportMode = 'update' | 'skip';
export type CommitPolicy = 'all_or_nothing' | 'valid_only';

export interface CommitResult {
  inserted: number;
  updated: number;
  skipped: number;
  invalid: number;
  committed: boolean;
}
