import { type Locale } from '../validation';

/** The pane's words, zh-CN first. */
export const STRINGS = {
  'zh-CN': {
    title: '预算绩效表检查',
    scope: '检查范围',
    scopeSheet: '本工作表',
    scopeSelection: '所选区域',
    scopeWorkbook: '整个工作簿',
    check: '检查',
    checking: '正在检查…',
    reading: '正在读取',
    highlight: '在表中标出',
    clear: '清除标记',
    search: '搜索问题',
    all: '全部',
    error: '错误',
    warning: '警告',
    info: '提示',
    empty: '点击“检查”，查找权重、合计、指标值、单位等问题。',
    clean: '未发现问题。',
    failed: '检查失败',
    otherFindings: '其他',
    findingsOf: (n: number) => `${n} 个问题`,
    open: '打开 .xlsx 文件',
    openHint: '文件只在本浏览器中读取和检查，不会上传。',
    download: '下载标注副本',
    notXlsx: (name: string) => `“${name}”不是 .xlsx 文件（或已损坏），请在 Excel 中另存为 .xlsx 后再打开。`,
    encrypted: (name: string) => `“${name}”已加密或为旧版 .xls 格式，请在 Excel 中取消密码并另存为 .xlsx 后再打开。`,
    tooLarge: (name: string, megabytes: number, limit: number) =>
      `“${name}”解压后约 ${megabytes} MB，超过 ${limit} MB 的上限，未打开；请拆分工作簿后再检查。`,
    rowsShown: (shown: number, total: number) => `仅显示前 ${shown} 行（共 ${total} 行）；检查涵盖全部行。`,
    sheets: '工作表',
    settings: '设置',
    profile: '指标体系',
    tolerance: '金额容差',
    toleranceHint: '按表格自身单位（万元或元）；不超过此值的差额不报告。',
    satisfactionFloor: '满意度下限',
    notANumber: '请输入数字',
    toleranceRange: '容差不能为负数',
    floorRange: '满意度下限应在 0 到 100 之间',
    templates: '插入模板',
    insert: '插入',
    inserted: (sheet: string) => `已插入工作表“${sheet}”，原有工作表未改动。`,
  },
  'en-US': {
    title: 'Budget Check',
    scope: 'Check',
    scopeSheet: 'This sheet',
    scopeSelection: 'Selection',
    scopeWorkbook: 'Whole workbook',
    check: 'Check',
    checking: 'Checking…',
    reading: 'Reading',
    highlight: 'Highlight in the sheet',
    clear: 'Clear highlights',
    search: 'Search findings',
    all: 'All',
    error: 'Errors',
    warning: 'Warnings',
    info: 'Info',
    empty: 'Click Check to find weight, total, target value and unit problems.',
    clean: 'No problems found.',
    failed: 'The check failed',
    otherFindings: 'Other',
    findingsOf: (n: number) => `${n} finding${n === 1 ? '' : 's'}`,
    open: 'Open an .xlsx file',
    openHint: 'The file is read and checked in this browser only; nothing is uploaded.',
    download: 'Download annotated copy',
    notXlsx: (name: string) =>
      `“${name}” is not an .xlsx file (or it is damaged): save it as .xlsx in Excel and open it again.`,
    encrypted: (name: string) =>
      `“${name}” is password-protected or a legacy .xls: remove the password and save it as .xlsx in Excel, then open it again.`,
    tooLarge: (name: string, megabytes: number, limit: number) =>
      `“${name}” unpacks to about ${megabytes} MB, over the ${limit} MB limit, and was not opened: split the workbook and check the parts.`,
    rowsShown: (shown: number, total: number) =>
      `Showing the first ${shown} of ${total} rows; the check covers them all.`,
    sheets: 'Sheets',
    settings: 'Settings',
    profile: 'Indicator framework',
    tolerance: 'Money tolerance',
    toleranceHint: 'In the table’s own unit (万元 or 元); differences up to this are not reported.',
    satisfactionFloor: 'Satisfaction floor',
    notANumber: 'Enter a number',
    toleranceRange: 'The tolerance cannot be negative',
    floorRange: 'The floor is between 0 and 100',
    templates: 'Insert a template',
    insert: 'Insert',
    inserted: (sheet: string) => `Inserted the sheet “${sheet}”; no existing sheet was changed.`,
  },
} as const;

export type Strings = (typeof STRINGS)[Locale];

/** Chinese unless Office speaks English. */
export function localeOf(displayLanguage: string | undefined): Locale {
  return displayLanguage && /^en/i.test(displayLanguage) ? 'en-US' : 'zh-CN';
}
