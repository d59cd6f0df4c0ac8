import { describe, it, expect } from 'vitest';
import { namePinyin } from './pinyin.js';

describe('namePinyin', () => {
  it('gives full pinyin and initials without tones or spaces', () => {
    expect(namePinyin('张三丰')).toEqual({ full: 'zhangsanfeng', initials: 'zsf' });
  });

  it('reads 单 as the surname Shan', () => {
    expect(namePinyin('单雄信')).toEqual({ full: 'shanxiongxin', initials: 'sxx' });
  });

  it('reads 曾 as the surname Zeng', () => {
    expect(namePinyin('曾国藩')).toEqual({ full: 'zengguofan', initials: 'zgf' });
  });

  it('reads 仇 as the surname Qiu', () => {
    expect(namePinyin('仇英')).toEqual({ full: 'qiuying', initials: 'qy' });
  });

  it('applies surname readings only at the start of the name', () => {
    expect(namePinyin('单单').full).toBe('shandan');
  });

  it('reads other common polyphonic surnames correctly', () => {
    expect(namePinyin('解缙').full).toBe('xiejin');
    expect(namePinyin('区志强').full).toBe('ouzhiqiang');
    expect(namePinyin('查良镛').full).toBe('zhaliangyong');
    expect(namePinyin('朴正熙').full).toBe('piaozhengxi');
  });

  it('reads compound surnames', () => {
    expect(namePinyin('欧阳修')).toEqual({ full: 'ouyangxiu', initials: 'oyx' });
    expect(namePinyin('尉迟恭').full).toBe('yuchigong');
  });

  it('writes ü as v', () => {
    expect(namePinyin('吕布')).toEqual({ full: 'lvbu', initials: 'lb' });
  });

  it('drops the middle dot and spaces in minority and foreign names', () => {
    expect(namePinyin('阿依古丽·买买提')).toEqual({ full: 'ayigulimaimaiti', initials: 'ayglmmt' });
    expect(namePinyin('张 三')).toEqual({ full: 'zhangsan', initials: 'zs' });
  });

  it('keeps Latin letters and digits lowercased, including full-width ones', () => {
    expect(namePinyin('Anna李2号')).toEqual({ full: 'annali2hao', initials: 'annal2h' });
    expect(namePinyin('ＡＢ张')).toEqual({ full: 'abzhang', initials: 'abz' });
  });

  it('drops punctuation and accented letters it cannot transliterate', () => {
    expect(namePinyin('李-明')).toEqual({ full: 'liming', initials: 'lm' });
    expect(namePinyin('é李')).toEqual({ full: 'li', initials: 'l' });
  });

  it('returns empty strings for an empty name', () => {
    expect(namePinyin('')).toEqual({ full: '', initials: '' });
  });
});
