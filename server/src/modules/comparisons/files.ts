/**
 * The workbooks of the comparison module: a run's lists as .xlsx (the reader's data scope,
 * ID numbers masked unless they may reveal them, formula-safe, streamed page by page through
 * the registry's sheet writer) and, per kind of roll, a template with the columns the
 * mapping recognises at once.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import {
  ITEM_KIND_LABELS, ITEM_STATUS_LABELS, ROLL_FIELD_LABELS, ROLL_FIELDS, ROLL_KIND_HELP, ROLL_KIND_LABELS, type RollField, type RollKind,
} from '../../contracts/comparisons.js';
import type { Actor } from '../../kernel/auth/actor.js';
import { EXPORT_PAGE, writeSheet } from '../registry/transfer/export.js';
import type { WaitForRoom } from '../registry/transfer/xlsx-response.js';
import { itemPage, type ItemFilter, type RunRow } from './comparisons.repo.js';
import { presentItem } from './decisions.js';

export function exportItems(db: Kysely<any>, actor: Actor, run: RunRow, filter: ItemFilter, out: Writable, room: WaitForRoom): Promise<number> {
  return writeSheet(
    {
      name: '比对名单',
      columns: [
        { header: '名单', width: 12 }, { header: '名册行号', width: 10 }, { header: '姓名', width: 10 }, { header: '身份证号', width: 22 },
        { header: '本系统姓名', width: 10 }, { header: '家庭编号', width: 10 }, { header: '区划代码', width: 15 }, { header: '原因', width: 50 },
        { header: '采纳后', width: 36 }, { header: '处理', width: 10 }, { header: '处理说明', width: 30 }, { header: '处理人', width: 14 },
      ],
      page: (after) => itemPage(db, run.id, actor.scope, filter, after, EXPORT_PAGE),
      cells: (row) => {
        const item = presentItem(actor, row, run.kind);
        return [
          ITEM_KIND_LABELS[item.kind], item.rowNo, item.name, item.idNumber, item.registryName, item.householdId, item.regionCode, item.reason,
          item.action, ITEM_STATUS_LABELS[item.status], item.decisionReason, item.decidedByName,
        ];
      },
    },
    out,
    room,
  );
}

export function exportFileName(run: RunRow): string {
  return `信息比对-${ROLL_KIND_LABELS[run.kind]}-${run.id}.xlsx`;
}

const TEXT_FIELDS = new Set<RollField>(['idNumber', 'certificateNo']);
const HELP: Record<RollField, string> = {
  idNumber: '18 位居民身份证号；请保持该列为“文本”格式，以免 Excel 把它变成科学计数法',
  name: '与身份证号一致的姓名；与本系统登记的姓名不同时列为“信息不一致”',
  status: '低保、特困或低保边缘（也识别“城市低保”“农村低保”“特困供养”“低边”等写法）',
  startDate: '开始享受的日期，如 2026-01-01；不填时按比对当天',
  certificateNo: '第二代残疾人证号：身份证号 + 类别 + 等级，共 20 位',
  category: '1-7，或 视力、听力、言语、肢体、智力、精神、多重',
  grade: '1-4，或 一级、二级、三级、四级',
  issueDate: '发证日期，如 2024-05-01；不填时按比对当天',
  deathDate: '死亡（火化）日期，如 2026-03-15；享受的待遇自该日起停发',
  programme: '外单位的项目名称，如 临时救助、医疗救助',
  amount: '金额（元），最多两位小数，不能为负数',
};

export function templateFileName(kind: RollKind): string {
  return `${ROLL_KIND_LABELS[kind]}模板.xlsx`;
}

export async function buildRollTemplate(kind: RollKind): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'huimin 惠民';
  const fields = ROLL_FIELDS[kind];
  const sheet = workbook.addWorksheet(ROLL_KIND_LABELS[kind], { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = fields.map((f) => ({
    header: ROLL_FIELD_LABELS[f.field], key: f.field, width: TEXT_FIELDS.has(f.field) ? 24 : 14, style: TEXT_FIELDS.has(f.field) ? { numFmt: '@' } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  fields.forEach((f, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: f.required ? 'FFFFE699' : 'FFDDEBF7' } };
    cell.note = `${f.required ? '必填' : '选填'}：${HELP[f.field]}`;
  });
  const notes = workbook.addWorksheet('说明');
  notes.columns = [{ header: '列名', width: 14 }, { header: '是否必填', width: 10 }, { header: '说明', width: 90 }];
  notes.getRow(1).font = { bold: true };
  for (const f of fields) notes.addRow([ROLL_FIELD_LABELS[f.field], f.required ? '必填' : '选填', HELP[f.field]]);
  notes.addRow([]);
  for (const line of [
    ROLL_KIND_HELP[kind],
    '第 1 行为表头，从第 2 行起每行一人。列名不同也可以：上传后在“列对应”一步中选择每项所在的列。',
    '任何一行有误（身份证号校验位、重复人员、日期、金额等）时整个名册不做比对、不改动任何数据，并列出每处错误的行号和列。',
  ]) notes.addRow(['', '', line]);
  notes.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
