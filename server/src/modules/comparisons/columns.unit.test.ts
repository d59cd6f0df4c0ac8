import { describe, expect, it } from 'vitest';
import { AppError } from '../../kernel/errors.js';
import { buildPreview, checkMapping, guessMapping } from './columns.js';

describe('guessMapping', () => {
  it('finds the columns of a civil-affairs roll under its own headers', () => {
    const { mapping, missing } = guessMapping('dibao', ['序号', '户主姓名', '公民身份号码 ', '保障类别', '享受开始日期', '备注']);
    expect(mapping).toEqual({ name: 1, idNumber: 2, status: 3, startDate: 4 });
    expect(missing).toEqual([]);
  });

  it('folds width, spaces and required marks, and reads 类别 by the kind of roll', () => {
    expect(guessMapping('disability', ['身份证号*', '姓 名', '残疾人证号（必填）', '类别', '等级']).mapping).toEqual({
      idNumber: 0, name: 1, certificateNo: 2, category: 3, grade: 4,
    });
    expect(guessMapping('dibao', ['ＩＤ_Number', '姓名', '类别']).mapping).toEqual({ idNumber: 0, name: 1, status: 2 });
  });

  it('lists the required fields no header names; the first matching column wins', () => {
    const { mapping, missing } = guessMapping('enrollment', ['身份证号', '身份证号码', '姓名', '金额（元）']);
    expect(mapping).toEqual({ idNumber: 0, name: 2, amount: 3 });
    expect(missing).toEqual(['programme']);
    expect(guessMapping('death', ['姓名', '火化日期']).missing).toEqual(['idNumber']);
  });
});

describe('buildPreview', () => {
  it('gives letters, the guessed mapping and sample rows as text', () => {
    const preview = buildPreview('death', ['身份证号', '姓名', '死亡日期'], [['640104198506150011', '张三', new Date('2026-03-01T00:00:00Z')], ['x', null]]);
    expect(preview.headers.map((h) => h.letter)).toEqual(['A', 'B', 'C']);
    expect(preview.mapping).toEqual({ idNumber: 0, name: 1, deathDate: 2 });
    expect(preview.sampleRows).toEqual([['640104198506150011', '张三', '2026-03-01'], ['x', '', '']]);
  });
});

describe('checkMapping', () => {
  const problems = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      return (error as AppError).detail!.problems!.map((p) => p.message);
    }
    throw new Error('expected a refusal');
  };

  it('keeps only the kind’s fields on existing columns', () => {
    expect(checkMapping('dibao', { idNumber: 0, name: 1, status: 2 }, 3)).toEqual({ idNumber: 0, name: 1, status: 2 });
  });

  it('refuses a missing required column in Chinese', () => {
    expect(problems(() => checkMapping('dibao', { idNumber: 0, name: 1 }, 3))).toEqual(['缺少必填列「救助类型」，请在列对应中选择它所在的列']);
  });

  it('refuses a column outside the header, two fields on one column, and fields of another kind', () => {
    expect(problems(() => checkMapping('death', { idNumber: 0, name: 0, deathDate: 9 }, 3))).toEqual([
      '「姓名」与「身份证号」对应了同一列（A 列）',
      '「死亡日期」对应的列不存在（表头共 3 列）',
    ]);
    expect(problems(() => checkMapping('death', { idNumber: 0, name: 1, deathDate: 2, amount: 3 } as never, 4))).toEqual(['此类名册没有“amount”这一项']);
  });
});
