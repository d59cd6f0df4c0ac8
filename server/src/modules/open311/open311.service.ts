/**
 * Open311 reads: discovery, the services (appeal categories) and their definitions, service
 * requests (appeals), tokens and mySociety's servicerequestupdates. Everything returned is built
 * here field by field — never a row passed through — so what leaves is exactly the spec's shape.
 *
 * Privacy: a reader without a key sees only appeals whose reply was approved and published, as
 * the public question and answer, located no closer than their region; a client with a key also
 * sees the appeals it submitted, with its own description, address and coordinates. Contact
 * names, phones and e-mail addresses are never read by this module.
 */
import type { Kysely } from 'kysely';
import { listCategories, listRules } from '../appeals/catalogue.repo.js';
import { regionPrefix } from '../regions/regions.repo.js';
import { clientOfKey, type Open311Client } from './clients.service.js';
import { findByToken, findRequests, findUpdates, serviceRegions, type RequestRow } from './open311.repo.js';
import { fieldErrors, open311Error } from './respond.js';
import { detailedStatusName, specStatus, statusNotes, UPDATE_KINDS, type SpecStatus } from './status.js';
import { parseW3cDateTime, w3cDateTime } from './time.js';

/** When this API's shape last changed (discovery's changeset). */
export const API_CHANGESET = '2026-06-01T00:00:00+08:00';
const MAX_RESULTS = 1000;
const DEFAULT_DAYS = 90;
const DAY = 86_400_000;

/** The client a key names: null without a key; a key given but not valid is refused, not ignored. */
export async function readerOf(db: Kysely<any>, apiKey: string | undefined): Promise<Open311Client | null> {
  if (apiKey === undefined || apiKey === '') return null;
  const client = await clientOfKey(db, apiKey);
  if (!client) throw open311Error(403, 'Invalid api_key / API 密钥无效或已停用');
  return client;
}

export async function requireClient(db: Kysely<any>, apiKey: string | undefined): Promise<Open311Client> {
  if (!apiKey) throw open311Error(403, 'api_key is required to create a request / 提交诉求须提供 API 密钥');
  return (await readerOf(db, apiKey))!;
}

export function discovery(baseUrl: string) {
  return {
    changeset: API_CHANGESET,
    contact: '12345 政务服务便民热线 / 12345 citizen service hotline',
    key_service: 'API keys are issued by the platform administrator (系统管理 → Open311 客户端) / API 密钥由平台管理员发放',
    endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: baseUrl, changeset: API_CHANGESET, type: 'production', formats: ['text/xml', 'application/json'] }],
  };
}

/** '户外广告、亮化设施、乱堆乱放等' → '户外广告, 亮化设施, 乱堆乱放'. */
function keywordsOf(name: string, description: string | null): string {
  const words = (description ?? '').split(/[、，,；;]/).map((w) => w.trim().replace(/等$/, '')).filter(Boolean);
  return [name, ...words].join(', ');
}

export async function services(db: Kysely<any>) {
  const [categories, rules] = await Promise.all([listCategories(db, true), listRules(db)]);
  return categories.map((c) => {
    // The group is the unit the widest rule sends the category to: it is what a citizen would look for.
    const widest = rules.filter((r) => r.categoryCode === c.code).sort((a, b) => regionPrefix(a.regionCode).length - regionPrefix(b.regionCode).length)[0];
    return {
      service_code: c.code, service_name: c.name, description: c.description ?? c.name, metadata: true, type: 'realtime',
      keywords: keywordsOf(c.name, c.description), group: widest?.orgName ?? '12345',
    };
  });
}

export async function serviceDefinition(db: Kysely<any>, code: string) {
  const category = (await listCategories(db, true)).find((c) => c.code === code);
  if (!category) throw open311Error(404, `Unknown service_code "${code.slice(0, 40)}" / 未知的诉求类别`);
  const regions = await serviceRegions(db, code);
  return {
    service_code: category.code,
    attributes: [{
      variable: true, code: 'region_code', datatype: 'singlevaluelist', required: false,
      datatype_description: '区划代码；不填则用本客户端的默认区划 / region code; the client\'s default region when left out',
      order: 1, description: '事发地所在区划 / Region where it happened',
      values: regions.map((r) => ({ key: r.code, name: r.name })),
    }],
  };
}

export function presentRequest(row: RequestRow, timeZone: string) {
  // Outsiders read the published plain words and the region; the submitting client its own words and place.
  const own = row.own;
  return {
    service_request_id: row.number,
    status: specStatus(row.status),
    status_notes: statusNotes(row),
    service_name: row.categoryName,
    service_code: row.categoryCode,
    description: own ? row.description : row.publicQuestion,
    agency_responsible: row.orgName,
    service_notice: null,
    requested_datetime: w3cDateTime(row.createdAt, timeZone),
    updated_datetime: w3cDateTime(row.updatedAt, timeZone),
    expected_datetime: w3cDateTime(row.dueAt, timeZone),
    address: own ? (row.address ?? row.regionName) : row.regionName,
    address_id: null,
    zipcode: null,
    lat: own ? row.lat : null,
    long: own ? row.lng : null,
    media_url: own ? row.mediaUrl : null,
    detailed_status: row.status,
    detailed_status_name: detailedStatusName(row.status),
  };
}

function dateParam(name: string, text: string | undefined, timeZone: string, problems: Array<{ field: string; message: string }>): Date | undefined {
  if (text === undefined || text === '') return undefined;
  const date = parseW3cDateTime(text, timeZone);
  if (!date) problems.push({ field: name, message: 'not a W3C date-time such as 2026-06-01T08:00:00+08:00 / 日期格式不正确' });
  return date ?? undefined;
}

/** start_date / end_date as the spec reads them: at most the last 90 days when left out. */
function window(fields: Record<string, string>, timeZone: string, problems: Array<{ field: string; message: string }>) {
  const from = dateParam('start_date', fields.start_date, timeZone, problems);
  const to = dateParam('end_date', fields.end_date, timeZone, problems);
  if (from && to && from > to) problems.push({ field: 'start_date', message: 'after end_date / 开始时间晚于结束时间' });
  const end = to ?? new Date();
  return { from: from ?? new Date(end.getTime() - DEFAULT_DAYS * DAY), to: end };
}

export async function getRequests(db: Kysely<any>, reader: Open311Client | null, fields: Record<string, string>, timeZone: string) {
  const problems: Array<{ field: string; message: string }> = [];
  const numbers = fields.service_request_id?.split(',').map((n) => n.trim()).filter(Boolean);
  if (numbers && (numbers.length > 100 || numbers.some((n) => n.length > 40))) problems.push({ field: 'service_request_id', message: 'at most 100 ids / 最多 100 个' });
  let status: SpecStatus | undefined;
  if (fields.status) {
    const wanted = new Set(fields.status.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean));
    if ([...wanted].some((s) => s !== 'open' && s !== 'closed')) problems.push({ field: 'status', message: 'open or closed / 应为 open 或 closed' });
    else if (wanted.size === 1) status = [...wanted][0] as SpecStatus;
  }
  const { from, to } = window(fields, timeZone, problems);
  if (problems.length) throw fieldErrors(problems);
  // The spec: with service_request_id the other filters are ignored.
  const rows = numbers?.length
    ? await findRequests(db, { clientId: reader?.id ?? null, numbers, limit: MAX_RESULTS })
    : await findRequests(db, { clientId: reader?.id ?? null, serviceCode: fields.service_code || undefined, from, to, status, limit: MAX_RESULTS });
  return rows.map((row) => presentRequest(row, timeZone));
}

export async function getRequest(db: Kysely<any>, reader: Open311Client | null, number: string, timeZone: string) {
  const rows = number.length <= 40 ? await findRequests(db, { clientId: reader?.id ?? null, numbers: [number], limit: 1 }) : [];
  if (!rows.length) throw open311Error(404, `Unknown service_request_id "${number.slice(0, 40)}" / 诉求不存在或未公开`);
  return rows.map((row) => presentRequest(row, timeZone));
}

export async function getToken(db: Kysely<any>, token: string) {
  const found = token.length <= 64 ? await findByToken(db, token) : null;
  if (!found) throw open311Error(404, 'Unknown token / 令牌不存在');
  return [{ service_request_id: found.number, token: found.token }];
}

export async function getUpdates(db: Kysely<any>, reader: Open311Client | null, fields: Record<string, string>, timeZone: string) {
  const problems: Array<{ field: string; message: string }> = [];
  const { from, to } = window(fields, timeZone, problems);
  if (problems.length) throw fieldErrors(problems);
  const rows = await findUpdates(db, { clientId: reader?.id ?? null, from, to, limit: MAX_RESULTS });
  return rows.map((row) => {
    const kind = UPDATE_KINDS[row.kind]!;
    return {
      update_id: String(row.id),
      service_request_id: row.number,
      status: kind.status,
      updated_datetime: w3cDateTime(row.at, timeZone),
      description: kind.text(row),
      media_url: null,
      external_status_code: row.kind,
      detailed_status: row.toStatus,
    };
  });
}
