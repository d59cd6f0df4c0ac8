/** English for the Open311 clients page (see features/policies/i18n-en.ts for how features add words). */
import { addEnglish } from '@/features/policies/i18n-en';

addEnglish({
  外部系统接入: 'Open311 clients',
  '外部系统（如 FixMyStreet、区县网格化平台）通过 Open311 接口提交和跟踪诉求，每个系统使用自己的 API 密钥。':
    'Outside systems (FixMyStreet, a district grid platform) submit and follow appeals through the Open311 API, each with its own API key.',
  新建客户端: 'New client',
  名称: 'Name',
  密钥前缀: 'Key prefix',
  默认区划: 'Default region',
  状态: 'Status',
  启用: 'Active',
  已停用: 'Deactivated',
  已提交诉求: 'Requests submitted',
  创建时间: 'Created',
  操作: 'Actions',
  停用: 'Deactivate',
  '停用 {name}': 'Deactivate {name}',
  '已停用 {name}': '{name} deactivated',
  '停用此客户端？': 'Deactivate this client?',
  '其密钥立即失效，对方系统将不能再提交或查询诉求；停用不能撤销。已提交的诉求不受影响。':
    'Its key stops working at once: the outside system can no longer submit or read appeals. This cannot be undone. Appeals already submitted are not affected.',
  客户端名称: 'Client name',
  '如：FixMyStreet 银川、某区网格化平台': 'e.g. FixMyStreet Yinchuan, a district grid platform',
  请填写客户端名称: 'Enter the client name',
  '名称最多 100 字': 'At most 100 characters',
  '选填：对方提交的诉求没有带区划代码时，记在此区划下': 'Optional: appeals submitted without a region code are filed under this region',
  创建: 'Create',
  取消: 'Cancel',
  客户端已创建: 'Client created',
  我已复制保存: 'I have copied it',
  'API 密钥': 'API key',
  'API 密钥只显示这一次，关闭后无法再次查看。请立即复制，安全地交给对接方；遗失后只能停用此客户端并新建一个。':
    'The API key is shown only this once and cannot be seen again after closing. Copy it now and hand it over securely; if it is lost, deactivate this client and create a new one.',
  '对接方在每次调用 /open311/v2/ 接口时以 api_key 参数传入此密钥。': 'The outside system passes this key as the api_key parameter on every call to /open311/v2/.',
});
