import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../kernel/validation/idcard.js';
import { parseAmount, parseAssistanceStatus, parseCategory, parseDateCell, parseGrade, RollRowParser } from './row-parse.js';

const ID = makeIdNumber('640104', '1985-06-15', 11, 'M');
const BROKEN = ID.slice(0, 17) + (ID[17] === '0' ? '1' : '0');
const TODAY = '2026-06-01';

describe('cell words', () => {
  it('reads assistance statuses as departments write them', () => {
    expect(parseAssistanceStatus('城市低保')).toBe('dibao');
    expect(parseAssistanceStatus(' 特困供养人员 ')).toBe('tekun');
    expect(parseAssistanceStatus('低边')).toBe('dibao_edge');
    expect(parseAssistanceStatus('困难户')).toBeNull();
  });

  it('reads disability categories and grades as numbers or words', () => {
    expect([parseCategory('4'), parseCategory('肢体'), parseCategory('肢体残疾'), parseCategory('8')]).toEqual([4, 4, 4, null]);
    expect([parseGrade('2'), parseGrade('二级'), parseGrade('2级'), parseGrade('五级')]).toEqual([2, 2, 2, null]);
  });

  it('reads amounts to the fen and refuses more decimals, negatives and words', () => {
    expect(parseAmount(' 1,270.5元')).toEqual({ fen: 127050 });
    expect(parseAmount(600)).toEqual({ fen: 60000 });
    expect(parseAmount(0.1 + 0.2)).toEqual({ fen: 30 });
    expect(parseAmount('12.345')).toEqual({ problem: '金额最多两位小数（精确到分）' });
    expect(parseAmount(-5)).toEqual({ problem: '金额不能为负数' });
    expect(parseAmount('五百')).toEqual({ problem: '金额“五百”不是数字' });
    expect(parseAmount(null)).toEqual({ problem: '金额必填' });
  });

  it('reads dates typed, as Excel serials and as text', () => {
    expect(parseDateCell(new Date('2026-01-05T00:00:00Z'))).toBe('2026-01-05');
    expect(parseDateCell(46027)).toBe('2026-01-05');
    expect(parseDateCell('2026/1/5')).toBe('2026-01-05');
    expect(parseDateCell('2026-02-30')).toBe('invalid');
    expect(parseDateCell(null)).toBeNull();
  });
});

describe('RollRowParser', () => {
  it('stages a good 低保 row and skips blank ones', () => {
    const parser = new RollRowParser('dibao', { idNumber: 0, name: 1, status: 2, startDate: 3 }, TODAY);
    const outcome = parser.parse(2, [ID, ' 张 三 ', '低保', '2026-01-01']);
    expect(outcome).toMatchObject({ problems: [], row: { rowNo: 2, idNumber: ID, name: '张 三', nameKey: '张三', status: 'dibao', dated: '2026-01-01', ok: true } });
    expect(parser.parse(3, [null, '', null])).toBe('blank');
  });

  it('names the row, column and field of every problem, in Chinese', () => {
    const parser = new RollRowParser('dibao', { idNumber: 0, name: 1, status: 2 }, TODAY);
    const outcome = parser.parse(7, [BROKEN, '', '困难户']);
    if (outcome === 'blank') throw new Error('not blank');
    expect(outcome.row.ok).toBe(false);
    expect(outcome.problems).toEqual([
      { rowNo: 7, colIndex: 0, field: 'idNumber', message: '身份证号校验位不正确' },
      { rowNo: 7, colIndex: 1, field: 'name', message: '姓名必填' },
      { rowNo: 7, colIndex: 2, field: 'status', message: '无法识别“困难户”；救助类型应为：低保、特困、低保边缘' },
    ]);
  });

  it('catches an ID number Excel turned into a number', () => {
    const parser = new RollRowParser('death', { idNumber: 0, name: 1, deathDate: 2 }, TODAY);
    const outcome = parser.parse(2, [640104198506150000, '张三', '2026-01-01']);
    expect(outcome !== 'blank' && outcome.problems[0].message).toContain('存成了数字');
  });

  it('checks dates of death against today and the birth date', () => {
    const parser = new RollRowParser('death', { idNumber: 0, name: 1, deathDate: 2 }, TODAY);
    const message = (date: string) => {
      const outcome = parser.parse(2, [ID, '张三', date]);
      return outcome === 'blank' ? null : (outcome.problems[0]?.message ?? null);
    };
    expect(message('2026-05-31')).toBeNull();
    expect(message('2026-06-02')).toBe('死亡日期不能晚于今天');
    expect(message('1980-01-01')).toBe('死亡日期早于出生日期（身份证号显示为 1985-06-15）');
    expect(message('')).toBe('死亡日期必填');
  });

  it('checks the certificate number against the ID number, category and grade', () => {
    const parser = new RollRowParser('disability', { idNumber: 0, name: 1, certificateNo: 2, category: 3, grade: 4 }, TODAY);
    const good = parser.parse(2, [ID, '张三', `${ID}42`, '肢体', '二级']);
    expect(good !== 'blank' && good.row).toMatchObject({ ok: true, category: 4, grade: 2, certificateNo: `${ID}42` });
    const wrong = parser.parse(3, [ID, '张三', `${ID}43`, '4', '2']);
    expect(wrong !== 'blank' && wrong.problems).toEqual([{ rowNo: 3, colIndex: 2, field: 'certificateNo', message: '残疾证号中的等级与所填等级不符' }]);
  });

  it('checks amounts of an enrollment list', () => {
    const parser = new RollRowParser('enrollment', { idNumber: 0, name: 1, programme: 2, amount: 3 }, TODAY);
    const outcome = parser.parse(4, [ID, '张三', '临时救助', '-100.00']);
    expect(outcome !== 'blank' && outcome.problems).toEqual([{ rowNo: 4, colIndex: 3, field: 'amount', message: '金额不能为负数' }]);
  });
});
