/**
 * The tables behind the synthetic population: Ningxia surnames (Han and Hui), given names by
 * generation, city shares, and the mixes of disability, illness, schooling and work.
 * Rough public figures, not statistics to quote: good enough to make searches, lists and
 * reports look and cost like the real thing.
 */

/** Surname weights: the national top names plus the Hui surnames common in Ningxia (马 first). */
export const SURNAMES: readonly (readonly [string, number])[] = [
  ['马', 10], ['王', 8], ['李', 7], ['张', 6], ['杨', 5], ['刘', 4.5], ['田', 2.5], ['赵', 2.5], ['丁', 2], ['陈', 2],
  ['白', 1.5], ['高', 1.5], ['周', 1.3], ['郭', 1.3], ['海', 1.2], ['金', 1.2], ['吴', 1.2], ['孙', 1.2], ['胡', 1.2],
  ['纳', 1], ['徐', 1], ['朱', 1], ['何', 1], ['韩', 1], ['苏', 0.9], ['魏', 0.9], ['罗', 0.8], ['冯', 0.8], ['杜', 0.8],
  ['曹', 0.8], ['石', 0.6], ['许', 0.6], ['宋', 0.6], ['贺', 0.6], ['郝', 0.6], ['牛', 0.6], ['闫', 0.6], ['穆', 0.5],
  ['余', 0.5], ['谢', 0.5], ['常', 0.5], ['范', 0.5], ['任', 0.5], ['薛', 0.5], ['黑', 0.4], ['沙', 0.4], ['米', 0.4],
  ['邓', 0.4], ['樊', 0.4], ['汪', 0.4], ['袁', 0.4], ['雷', 0.4], ['康', 0.4], ['拜', 0.3], ['哈', 0.3], ['虎', 0.3],
  ['冶', 0.3], ['兰', 0.3], ['万', 0.3], ['蒋', 0.3], ['锁', 0.2], ['撒', 0.2], ['保', 0.2], ['摆', 0.2], ['单', 0.2],
  ['曾', 0.2], ['仇', 0.1], ['解', 0.1],
];

type Pool = { whole: readonly string[]; first: readonly string[]; second: readonly string[] };
const split = (text: string) => text.split(' ');

/** Given names by sex and generation: whole names, and characters that combine into two-character names. */
export const GIVEN_NAMES: Record<'M' | 'F', Record<'old' | 'mid' | 'young', Pool>> = {
  M: {
    old: {
      whole: split('建国 建军 国强 国华 志强 志明 德胜 德福 福生 玉山 有才 占山 万福 振华 文华 学军 成林 正清 忠 林 明 山 贵 成 福 海 武 义 仁 财'),
      first: split('建 国 志 德 福 玉 有 占 万 振 文 学 成 正 永 长 春 占 生 存 守 进 宝'),
      second: split('国 军 华 明 山 福 财 贵 林 祥 荣 忠 义 仁 海 成 喜 才 清 昌 胜 德'),
    },
    mid: {
      whole: split('伟 强 磊 军 勇 杰 涛 斌 超 刚 鹏 辉 海涛 志刚 建华 晓东 永强 文斌 小军 红军 海军 玉虎 学文 俊 峰 亮'),
      first: split('志 建 晓 永 文 小 红 海 玉 学 国 立 金 云 俊 卫 东 新 少 宏'),
      second: split('刚 华 东 强 斌 军 涛 峰 平 林 鹏 辉 宁 虎 龙 明 杰 伟 波 亮'),
    },
    young: {
      whole: split('浩 宇 轩 博 睿 杰 子轩 浩然 宇轩 梓豪 俊杰 浩宇 子豪 皓轩 一鸣 宇航 博文 天佑 子墨 嘉豪 奕辰 铭 瑞'),
      first: split('子 浩 宇 梓 俊 皓 一 博 天 嘉 奕 铭 思 明 泽 文 晨 睿 亦 锦'),
      second: split('轩 然 豪 杰 宇 鸣 航 文 佑 墨 辰 涵 泽 睿 宸 阳 川 恒 瑞 哲'),
    },
  },
  F: {
    old: {
      whole: split('秀英 桂英 秀兰 桂兰 玉兰 凤英 玉梅 淑珍 秀珍 桂芳 玉珍 金花 兰英 翠花 兰 英 芳 梅 凤 珍 花 琴'),
      first: split('秀 桂 玉 凤 淑 金 兰 翠 素 彩 月 春 冬 巧 改 银'),
      second: split('英 兰 梅 珍 芳 花 琴 香 凤 霞 莲 娥 秀 云 仙 菊'),
    },
    mid: {
      whole: split('丽 静 敏 燕 艳 娟 霞 芳 红 萍 丽娟 海燕 晓燕 红梅 春梅 雪梅 小红 丽萍 玉霞 彩霞 海霞 晓丽 慧 婷'),
      first: split('丽 晓 海 红 春 雪 小 玉 彩 秀 慧 美 艳 金 文 亚 雅 宁 丹 桂'),
      second: split('娟 燕 梅 红 丽 萍 霞 芳 琴 英 敏 静 洁 玲 艳 华 云 莉 丹 花'),
    },
    young: {
      whole: split('欣怡 梓涵 雨涵 子涵 诗涵 可馨 佳怡 思琪 雨欣 梦瑶 欣妍 语嫣 若汐 一诺 婷 琳 萱 悦 瑶 彤 怡'),
      first: split('欣 梓 雨 子 诗 可 佳 思 梦 语 若 一 紫 雅 静 心 沐 依 安 晓'),
      second: split('怡 涵 馨 琪 欣 瑶 妍 嫣 汐 诺 萱 悦 彤 琳 婷 雯 蕊 菲 然 宁'),
    },
  },
};

/** Shares of the population by prefecture-level city (2020 census, rounded). */
export const CITY_SHARES: readonly (readonly [string, number])[] = [
  ['640100', 40], // 银川
  ['640200', 10], // 石嘴山
  ['640300', 20], // 吴忠
  ['640400', 15], // 固原
  ['640500', 15], // 中卫
];

/** Households by size; mean ≈ 2.8 persons (Ningxia 2020: 2.7). */
export const HOUSEHOLD_SIZES: readonly (readonly [number, number])[] = [
  [1, 20], [2, 28], [3, 22], [4, 16], [5, 9], [6, 5],
];

/** Disability category codes (certificate digit 19) by share: physical, then visual, hearing, mental, intellectual, multiple, speech. */
export const DISABILITY_CATEGORIES: readonly (readonly [number, number])[] = [
  [4, 35], [1, 17], [2, 16], [6, 11], [5, 9], [7, 8], [3, 4],
];
/** Grades 1 (most severe) to 4. */
export const DISABILITY_GRADES: readonly (readonly [number, number])[] = [[1, 12], [2, 23], [3, 30], [4, 35]];

export const SERIOUS_ILLNESSES = ['恶性肿瘤', '尿毒症', '白血病', '重性精神障碍', '脑卒中后遗症', '肝硬化失代偿期', '器官移植术后', '再生障碍性贫血'];
export const CHRONIC_ILLNESSES = ['高血压', '糖尿病', '冠心病', '慢性阻塞性肺疾病', '类风湿关节炎', '慢性肾病', '帕金森病', '慢性心力衰竭', '癫痫'];

export const EMPLOYER_KINDS = [
  '建筑工程有限公司', '农业专业合作社', '商贸有限公司', '餐饮服务有限公司', '物业服务有限公司', '清真食品有限公司',
  '运输有限公司', '枸杞种植专业合作社', '滩羊养殖专业合作社', '葡萄酒庄', '家政服务有限公司', '劳务派遣有限公司',
];
export const BIG_EMPLOYERS = ['国网宁夏电力有限公司', '宁夏宝丰能源集团', '宁夏伊品生物科技股份有限公司', '新华百货', '宁夏银行', '中国移动宁夏公司'];
export const WELFARE_POSTS = ['保洁', '保绿', '治安巡逻', '公共设施管护', '社区服务'];

/** Mobile prefixes seen in Ningxia (China Mobile, Unicom, Telecom). */
export const MOBILE_PREFIXES = split(
  '139 138 137 136 135 134 150 151 152 157 158 159 182 183 187 188 198 130 131 132 155 156 185 186 166 133 153 180 181 189 177 173 199 191',
);
