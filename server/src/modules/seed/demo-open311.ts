/**
 * The Open311 side of the demo: one API client, as a FixMyStreet site for Yinchuan would be, with
 * a documented key so the API can be tried at once (see server/src/modules/open311/README.md):
 *
 *   curl -d api_key=o311_demo_yinchuan_fixmystreet -d service_code=noise -d description=… \
 *        -d lat=38.4872 -d long=106.2309 http://localhost:3000/open311/v2/requests.xml
 *
 * A demo key is public knowledge: deactivate this client on any server that is not a demo.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../kernel/auth/actor.js';
import { storeClient } from '../open311/clients.service.js';

export const DEMO_OPEN311_KEY = 'o311_demo_yinchuan_fixmystreet';
export const DEMO_OPEN311_CLIENT = { name: 'FixMyStreet 银川（演示）', defaultRegionCode: '640100' };

export async function seedDemoOpen311(db: Kysely<any>, actor: Actor): Promise<void> {
  await storeClient(db, actor, DEMO_OPEN311_CLIENT, DEMO_OPEN311_KEY);
}
