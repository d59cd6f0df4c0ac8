/**
 * Import templates: the header row our importer reads, an example row (ignored if left in),
 * text-formatted ID/phone/region columns so Excel keeps every digit, drop-down lists for
 * 性别 and 与户主关系, a 说明 sheet explaining each column, and the region codes to pick from.
 */
import ExcelJS from 'exceljs';
import { sql, type Kysely } from 'kysely';
import { columnsOf, RELATIONSHIP_WORDS, type ImportField, type ImportKind } from './columns.js';
import { TEMPLATE_EXAMPLES } from './row-validation.js';

const TEMPLATE_ROWS = 5000;
const MAX_LISTED_REGIONS = 20_000;
const TEXT_FIELDS = new Set<ImportField>(['idNumber', 'phone', 'regionCode', 'householdKey']);
const WIDTHS: Partial<Record<ImportField, number>> = { idNumber: 22, address: 32, householdAddress: 32, regionCode: 16, phone: 15, relationship: 12 };

export function templateFileName(kind: ImportKind): string {
  return kind === 'persons' ? '人员导入模板.xlsx' : '家庭导入模板.xlsx';
}

export async function buildTemplate(db: Kysely<any>, kind: ImportKind): Promise<Buffer> {
  const columns = columnsOf(kind);
  const { rows: regions } = await sql<{ code: string; name: string; level: number }>`
    select code, name, level from regions order by code limit ${MAX_LISTED_REGIONS + 1}`.execute(db);
  const exampleRegion = regions.find((r) => r.level >= 5 && r.code.startsWith('640104'))?.code ?? regions.find((r) => r.level >= 5)?.code ?? '640104001002';

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'huimin 惠民';
  const sheet = workbook.addWorksheet(kind === 'persons' ? '人员' : '家庭成员', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.field, width: WIDTHS[c.field] ?? 12, style: TEXT_FIELDS.has(c.field) ? { numFmt: '@' } : {} }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFFE699' : 'FFDDEBF7' } };
    cell.note = `${c.required ? '必填' : '选填'}：${c.help}`;
  });

  const examples = kind === 'persons' ? TEMPLATE_EXAMPLES.slice(0, 1) : TEMPLATE_EXAMPLES;
  for (const example of examples) {
    const values: Record<ImportField, string> = {
      householdKey: '1',
      relationship: example.relationship,
      name: example.name,
      idNumber: example.idNumber,
      sex: example.sex,
      birthDate: example.birthDate,
      phone: example.phone,
      address: '兴庆区解放西街 1 号',
      regionCode: exampleRegion,
      householdAddress: example.relationship === '户主' ? '兴庆区解放西街 1 号' : '',
    };
    const row = sheet.addRow(columns.map((c) => values[c.field]));
    row.font = { color: { argb: 'FF808080' } };
  }

  const letter = (field: ImportField) => sheet.getColumn(field).letter;
  const list = (field: ImportField, items: string[], prompt: string) => {
    if (!columns.some((c) => c.field === field)) return;
    (sheet as any).dataValidations.add(`${letter(field)}2:${letter(field)}${TEMPLATE_ROWS + 1}`, {
      type: 'list', allowBlank: true, formulae: [`"${items.join(',')}"`],
      showErrorMessage: true, errorStyle: 'error', errorTitle: '取值不正确', error: prompt,
      showInputMessage: true, promptTitle: '请选择', prompt,
    });
  };
  list('sex', ['男', '女'], '性别应为“男”或“女”');
  list('relationship', Object.values(RELATIONSHIP_WORDS), '请从列表中选择与户主关系');

  addInstructions(workbook, kind);
  if (regions.length > 0 && regions.length <= MAX_LISTED_REGIONS) {
    const regionSheet = workbook.addWorksheet('区划代码');
    regionSheet.columns = [{ header: '区划代码', width: 16, style: { numFmt: '@' } }, { header: '名称', width: 30 }, { header: '层级', width: 10 }];
    regionSheet.getRow(1).font = { bold: true };
    const LEVELS = ['', '省', '市', '区县', '乡镇街道', '社区/村', '网格', '网格', '网格'];
    for (const r of regions) regionSheet.addRow([r.code, r.name, LEVELS[r.level] ?? '']);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addInstructions(workbook: ExcelJS.Workbook, kind: ImportKind): void {
  const sheet = workbook.addWorksheet('说明');
  sheet.columns = [{ header: '列名', width: 14 }, { header: '是否必填', width: 10 }, { header: '说明', width: 90 }];
  sheet.getRow(1).font = { bold: true };
  for (const c of columnsOf(kind)) sheet.addRow([c.header, c.required ? '必填' : '选填', `${c.help}。也可写作：${c.aliases.filter((a) => /[^\x00-\x7f]/.test(a)).join('、') || '—'}`]);
  sheet.addRow([]);
  const notes = [
    '第 1 行为表头，请勿修改；从第 2 行起每行一人。灰色的示例行可删除，保留也不会被导入。',
    '身份证号、联系电话、区划代码三列已设为“文本”格式；从其他表格粘贴时请选择“只粘贴数值”，以免 Excel 把身份证号变成科学计数法。',
    '性别、出生日期可不填，系统从身份证号读取；填写时须与身份证号一致。',
    '身份证号已在系统中登记的人员：选择“更新”时以本文件为准修改其信息，选择“跳过”时保持不变。',
    '导入前会先检查全部数据；有误的行可下载“错误标注”表格，在原表上修改后重新导入。',
  ];
  if (kind === 'households') {
    notes.push(
      '一行一名家庭成员；同一户的成员填写相同的“户编号”（只用于在本文件内分组，如 1、2、3）。',
      '每户须有且只有一名“户主”；家庭地址和所属区划取户主所在行。',
      `与户主关系可填：${Object.values(RELATIONSHIP_WORDS).join('、')}（也识别“妻子”“儿子”“女儿”“母亲”“孙子”“儿媳”等常用说法）。`,
      '已是其他家庭成员的人员不能导入到新的家庭，请先在系统中将其从原家庭移出。',
    );
  }
  for (const note of notes) sheet.addRow(['', '', note]);
  sheet.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
}
