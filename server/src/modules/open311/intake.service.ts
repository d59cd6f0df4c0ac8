/**
 * POST requests: an Open311 service request becomes an appeal through the appeals service's own
 * outside intake (channel 'open311'), so it is checked, stored, dispatched by the catalogue and
 * audited exactly like any other. This side reads the spec's parameters, reports every problem at
 * once by the parameter's name, and records which client sent the appeal in the same transaction.
 *
 * Idempotency: the `Idempotency-Key` header, or else a `token` parameter the client makes up,
 * names the submission; a retry with it returns the first request and stores nothing. Keys are
 * kept per client (`open311:<client id>:<key>`), so one client can never reach another's appeal
 * by guessing its key.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AppealInput } from '../../contracts/appeals.js';
import { inTransaction } from '../../kernel/db/transaction.js';
import { outsideIntakeActor, takeInFromOutside } from '../appeals/appeals.service.js';
import { findCategory } from '../appeals/catalogue.repo.js';
import type { Open311Client } from './clients.service.js';
import type { Params } from './form-body.js';
import { findRequestLink, insertRequestLink } from './open311.repo.js';
import { fieldErrors } from './respond.js';
import { serviceNotice } from './status.js';
import { w3cDateTime } from './time.js';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const REGION = /^\d{6,15}$/;
const LIMITS = { idempotencyKey: 80, mediaUrl: 500 } as const;

export interface SubmitInput {
  params: Params;
  client: Open311Client;
  ip: string | null;
  idempotencyKey: string | null;
  timeZone: string;
}

export interface SubmitResult {
  created: boolean;
  body: Array<{ service_request_id: string; token: string; service_notice: string; account_id: null }>;
}

const present = (value: string | undefined) => {
  const text = value?.trim();
  return text ? text : null;
};

function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** The spec's parameters as an appeal, or every problem with them by parameter name. */
async function appealInputOf(db: Kysely<any>, input: SubmitInput): Promise<{ appeal: AppealInput; mediaUrl: string | null }> {
  const { fields, attribute } = input.params;
  const problems: Array<{ field: string; message: string }> = [];
  const serviceCode = present(fields.service_code);
  if (!serviceCode) problems.push({ field: 'service_code', message: 'required / 请选择诉求类别' });
  else {
    const category = await findCategory(db, serviceCode);
    if (!category || !category.active) problems.push({ field: 'service_code', message: `unknown service "${serviceCode.slice(0, 40)}" / 未知或已停用的诉求类别` });
  }
  const description = present(fields.description);
  if (!description) problems.push({ field: 'description', message: 'required / 请填写诉求内容' });

  const latText = present(fields.lat);
  const longText = present(fields.long);
  let lat: number | null = null;
  let lng: number | null = null;
  if ((latText === null) !== (longText === null)) problems.push({ field: 'lat/long', message: 'give both or neither / 经纬度须同时填写' });
  for (const [field, text] of [['lat', latText], ['long', longText]] as const) {
    if (text !== null && !NUMBER.test(text)) problems.push({ field, message: 'not a number / 应为数字' });
  }
  if (latText !== null && longText !== null && NUMBER.test(latText) && NUMBER.test(longText)) {
    lat = Number(latText);
    lng = Number(longText);
    if (lat < -90 || lat > 90) problems.push({ field: 'lat', message: 'must be between -90 and 90 / 纬度应在 -90 到 90 之间' });
    if (lng < -180 || lng > 180) problems.push({ field: 'long', message: 'must be between -180 and 180 / 经度应在 -180 到 180 之间' });
  }
  const address = present(fields.address_string);
  if (lat === null && latText === null && !address && !present(fields.address_id)) {
    problems.push({ field: 'lat/long', message: 'a location is required: lat and long, address_string or address_id / 须提供位置' });
  }

  // The region: the attribute the service definition offers, a plain parameter, or the client's own area.
  const region = present(attribute.region_code) ?? present(fields.region_code) ?? input.client.defaultRegionCode;
  if (!region) problems.push({ field: 'attribute[region_code]', message: 'required: this client has no default region / 须填写区划' });
  else if (!REGION.test(region)) problems.push({ field: 'attribute[region_code]', message: 'not a region code / 区划代码格式不正确' });

  const mediaUrl = present(fields.media_url);
  if (mediaUrl && (mediaUrl.length > LIMITS.mediaUrl || !isWebUrl(mediaUrl))) {
    problems.push({ field: 'media_url', message: `an http(s) URL of at most ${LIMITS.mediaUrl} characters / 应为不超过 ${LIMITS.mediaUrl} 字符的网址` });
  }
  if (input.idempotencyKey !== null && (input.idempotencyKey.length < 1 || input.idempotencyKey.length > LIMITS.idempotencyKey)) {
    problems.push({ field: 'Idempotency-Key', message: `1 to ${LIMITS.idempotencyKey} characters / 应为 1 到 ${LIMITS.idempotencyKey} 个字符` });
  }
  if (problems.length) throw fieldErrors(problems);

  // FixMyStreet splits one name into first and last; joined again it is the name as typed.
  const name = [present(fields.first_name), present(fields.last_name)].filter(Boolean).join(' ') || null;
  return {
    appeal: {
      categoryCode: serviceCode!,
      // The handling unit reads only the description, so the photo link goes in it too.
      description: mediaUrl ? `${description}\n\n图片：${mediaUrl}` : description!,
      address, regionCode: region!, lat, lng,
      contactName: name, contactPhone: present(fields.phone),
    },
    mediaUrl,
  };
}

export async function submitRequest(db: Kysely<any>, input: SubmitInput): Promise<SubmitResult> {
  const { appeal, mediaUrl } = await appealInputOf(db, input);
  const key = input.idempotencyKey === null ? null : `open311:${input.client.id}:${input.idempotencyKey}`;
  const actor = outsideIntakeActor(`Open311 ${input.client.name}`, input.ip);
  // One transaction: the appeal and the record of who sent it land together or not at all.
  const { receipt, token } = await inTransaction(db, async (trx) => {
    const receipt = await takeInFromOutside(trx, actor, appeal, 'open311', key);
    await insertRequestLink(trx, { appealId: receipt.id, clientId: input.client.id, token: crypto.randomBytes(18).toString('base64url'), mediaUrl });
    const link = (await findRequestLink(trx, receipt.id))!;
    return { receipt, token: link.token };
  });
  return {
    created: receipt.created,
    body: [{
      service_request_id: receipt.number, token,
      service_notice: serviceNotice(receipt, w3cDateTime(receipt.dueAt, input.timeZone)), account_id: null,
    }],
  };
}
