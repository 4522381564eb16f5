/**
 * Robustness of recognition on the real-document corpus (a script like `npm run accuracy`, not a test): every
 * workbook is checked again after changes a real filing makes without changing its meaning — the table moved down
 * and right under a title block, line breaks and spaces inside header cells, ASCII brackets in headers, sheets
 * renamed to Sheet1… — and the findings, mapped back to the original cells, are scored by the corpus scorer.
 * A recall or false-positive figure that moves under a variant is recognition depending on where or how a table
 * happens to be written rather than on its structure.
 * Run: npm run robustness [-- --verbose]
 */
import Decimal from 'decimal.js';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findCorpus } from './corpus';
import { readWorkbookGrids } from '../src/cli/read-xlsx';
import {
  checkGrids,
  recognizeWorkbook,
  parseRangeAddress,
  quoteSheetName,
  rangeAddress,
  splitSheetRef,
  type CellRange,
  type CellValue,
  type Grid,
} from '../src/validation';

interface Variant {
  name: string;
  /** The changed grids, and how to map a finding's sheet and cell back to the original. */
  apply(grids: Grid[]): Applied;
}

interface Applied {
  grids: Grid[];
  sheetBack: Map<string, string>;
  /** The original row (column) of a changed one; undefined for one the variant added. */
  rowBack?: (row: number) => number | undefined;
  colBack?: (col: number, sheet: string) => number | undefined;
  /** For variants that move rows between sheets: the original sheet and row of a changed sheet's row. */
  rowSheetBack?: (sheet: string, row: number) => { sheet: string; row: number } | undefined;
}

const same = (grids: Grid[]): Map<string, string> => new Map(grids.map((g) => [g.sheet, g.sheet]));

/** Inserts a blank column before each column index in `before` (0-based, ascending), in cells, formats and merges. */
function insertColumns(grid: Grid, before: (col: number) => number): Grid {
  const shiftRow = <T>(row: T[]): (T | null)[] => {
    const out: (T | null)[] = [];
    row.forEach((value, c) => {
      while (out.length < before(c)) out.push(null);
      out.push(value);
    });
    return out;
  };
  return {
    ...grid,
    cells: grid.cells.map(shiftRow),
    numberFormats: grid.numberFormats?.map(shiftRow),
    merges: grid.merges?.map((m) => ({ ...m, left: before(m.left), right: before(m.right) })),
  };
}

const SYNONYMS = new Map([
  ['权重', '分值'],
  ['分值', '权重'],
  ['指标值', '年度指标值'],
  ['目标值', '指标值'],
  ['计量单位', '度量单位'],
  ['度量单位', '计量单位'],
  ['三级指标', '指标名称'],
  ['一级指标', '一级'],
  ['二级指标', '二级'],
  ['项目名称', '项目支出名称'],
  ['科目名称', '项目'],
  ['功能分类科目名称', '科目名称'],
  ['总计', '合计'],
  ['预算数', '预算金额'],
]);

const isHeaderLike = (value: CellValue): value is string =>
  typeof value === 'string' && value.length >= 2 && value.length <= 12 && !/\d{3}/.test(value);

const VARIANTS: Variant[] = [
  {
    name: 'moved down 3 rows and right 1 column, under a title block',
    apply: (grids) => ({
      grids: grids.map((g) => ({
        ...g,
        cells: [
          ['', `${g.sheet}（公开）`],
          ['', '编制单位：清源县某某局'],
          ['', '', '', '', '单位：见表内'],
          ...g.cells.map((row) => [null, ...row]),
        ],
        merges: g.merges?.map((m) => ({ top: m.top + 3, bottom: m.bottom + 3, left: m.left + 1, right: m.right + 1 })),
        numberFormats: g.numberFormats && [[], [], [], ...g.numberFormats.map((row) => [null, ...row])],
      })),
      sheetBack: same(grids),
      rowBack: (r) => (r >= 3 ? r - 3 : undefined),
      colBack: (c) => (c >= 1 ? c - 1 : undefined),
    }),
  },
  {
    name: 'line breaks and spaces inside short label cells',
    apply: (grids) => ({
      grids: grids.map((g) => ({
        ...g,
        cells: g.cells.map((row) =>
          row.map((value) =>
            isHeaderLike(value) && value.length >= 4
              ? `${value.slice(0, 2)}\n${value.slice(2)}`
              : isHeaderLike(value) && value.length === 2
                ? `${value[0]!}  ${value[1]!}`
                : value,
          ),
        ),
      })),
      sheetBack: same(grids),
    }),
  },
  {
    name: 'ASCII brackets and colons in labels',
    apply: (grids) => ({
      grids: grids.map((g) => ({
        ...g,
        cells: g.cells.map((row) =>
          row.map((value) =>
            typeof value === 'string' && value.length <= 30
              ? value.replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':')
              : value,
          ),
        ),
      })),
      sheetBack: same(grids),
    }),
  },
  {
    // A percentage typed as a number and shown with a percent format: "95%" is the number 0.95 under "0%".
    name: 'percentages as numbers with a percent format',
    apply: (grids) => ({
      grids: grids.map((g) => {
        const formats = g.cells.map((row, r) => row.map((_, c) => g.numberFormats?.[r]?.[c] ?? null));
        const cells = g.cells.map((row, r) =>
          row.map((value, c) => {
            const match = typeof value === 'string' ? /^\s*(\d{1,3}(?:\.(\d{1,2}))?)\s*[%％]\s*$/.exec(value) : null;
            if (!match) return value;
            formats[r]![c] = match[2] ? `0.${'0'.repeat(match[2].length)}%` : '0%';
            return new Decimal(match[1]!).div(100).toNumber();
          }),
        );
        return { ...g, cells, numberFormats: formats };
      }),
      sheetBack: same(grids),
    }),
  },
  {
    // Systems and keyboards without ≥ and ≤: ">=95%", "<=300万元", "＞＝" in full width.
    name: 'ASCII and full-width comparators (>=, <=, ＞＝)',
    apply: (grids) => ({
      grids: grids.map((g, i) => ({
        ...g,
        cells: g.cells.map((row) =>
          row.map((value) =>
            typeof value === 'string'
              ? value.replace(/≥/g, i % 2 === 0 ? '>=' : '＞＝').replace(/≤/g, i % 2 === 0 ? '<=' : '＜＝')
              : value,
          ),
        ),
      })),
      sheetBack: same(grids),
    }),
  },
  {
    // 科目编码 from a PDF or a system export: "201 03 01", "201-03" for 2010301, 20103.
    name: 'classification codes written in groups (201 03 01, 201-03)',
    apply: (grids) => ({
      grids: grids.map((g, i) => ({
        ...g,
        cells: g.cells.map((row) =>
          row.map((value, c) => {
            // A code is text, or a number in the first two columns; a 7-digit amount elsewhere is not a code.
            const text = typeof value === 'number' && c <= 1 ? String(value) : value;
            if (typeof text !== 'string' || !/^[23]\d{2}(\d{2}){1,2}$/.test(text.trim())) return value;
            const groups = text
              .trim()
              .match(/^(\d{3})(\d{2})(\d{2})?$/)!
              .slice(1)
              .filter(Boolean);
            return groups.join(i % 2 === 0 ? ' ' : '-');
          }),
        ),
      })),
      sheetBack: same(grids),
    }),
  },
  {
    // Forms that leave 指标 off the level names: "产出", "数量", "服务对象满意度".
    name: '一级/二级 names without 指标 (产出, 数量, 社会效益)',
    apply: (grids) => {
      const level =
        /^(产出|成本|效益|满意度|数量|质量|时效|经济成本|社会成本|生态环境成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度)指标$/;
      return {
        grids: grids.map((g) => ({
          ...g,
          cells: g.cells.map((row) =>
            row.map((value) =>
              typeof value === 'string' && level.test(value.trim()) ? value.trim().slice(0, -2) : value,
            ),
          ),
        })),
        sheetBack: same(grids),
      };
    },
  },
  {
    // Forms that number their 一级 and 二级 names: "一、产出指标", "（一）数量指标".
    name: 'numbered 一级/二级 names (一、产出指标, （一）数量指标)',
    apply: (grids) => {
      const level1 = ['产出指标', '成本指标', '效益指标', '满意度指标'];
      const level2 =
        /^(数量|质量|时效|成本|经济成本|社会成本|生态环境成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度)指标$/;
      const numerals = ['一', '二', '三', '四'];
      return {
        grids: grids.map((g) => ({
          ...g,
          cells: g.cells.map((row) =>
            row.map((value) => {
              if (typeof value !== 'string') return value;
              const first = level1.indexOf(value.trim());
              if (first >= 0) return `${numerals[first]!}、${value}`;
              return level2.test(value.trim()) ? `（一）${value}` : value;
            }),
          ),
        })),
        sheetBack: same(grids),
      };
    },
  },
  {
    // Text copied from web pages: an ideographic space before, a no-break space and a zero-width space after.
    name: 'invisible spaces around every text cell',
    apply: (grids) => ({
      grids: grids.map((g) => ({
        ...g,
        cells: g.cells.map((row) =>
          row.map((value) => (typeof value === 'string' && value !== '' ? `\u3000${value}\u00a0\u200b` : value)),
        ),
      })),
      sheetBack: same(grids),
    }),
  },
  {
    // Prose typed in a word processor: full-width digits, points and percent signs, 万 for 万元.
    name: 'prose with full-width digits and 万 for 万元',
    apply: (grids) => ({
      grids: grids.map((g) => ({
        ...g,
        cells: g.cells.map((row) =>
          row.map((value) =>
            typeof value === 'string' && value.length > 30 && /\d/.test(value)
              ? value.replace(/万元/g, '万').replace(/[0-9.%]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
              : value,
          ),
        ),
      })),
      sheetBack: same(grids),
    }),
  },
  {
    // Prose from a PDF or a web page: ASCII punctuation, spaces around the numbers.
    name: 'prose with ASCII punctuation and spaces around numbers',
    apply: (grids) => ({
      grids: grids.map((g) => ({
        ...g,
        cells: g.cells.map((row) =>
          row.map((value) =>
            typeof value === 'string' && value.length > 30 && /\d/.test(value)
              ? value
                  .replace(/，/g, ', ')
                  .replace(/；/g, '; ')
                  .replace(/。/g, '. ')
                  .replace(/：/g, ': ')
                  .replace(/(\d+(?:\.\d+)?)/g, ' $1 ')
              : value,
          ),
        ),
      })),
      sheetBack: same(grids),
    }),
  },
  {
    // Exports from 预算管理一体化 systems often hold numbers as text, with thousands separators.
    name: 'numbers stored as text with thousands separators',
    apply: (grids) => ({
      grids: grids.map((g) => ({
        ...g,
        cells: g.cells.map((row, r) =>
          row.map((value, c) =>
            typeof value === 'number' && !/%/.test(g.numberFormats?.[r]?.[c] ?? '') && Math.abs(value) >= 1000
              ? value.toLocaleString('en-US', { maximumFractionDigits: 2 })
              : value,
          ),
        ),
      })),
      sheetBack: same(grids),
    }),
  },
  {
    // Some offices never merge: a group header sits in its first cell with blanks beside and below it.
    name: 'no merged cells',
    apply: (grids) => ({
      grids: grids.map((g) => ({ ...g, merges: [] })),
      sheetBack: same(grids),
    }),
  },
  {
    // Exports that unmerge cells and repeat the value in each (pandas, some systems): "资金来源 | 资金来源 | 资金来源".
    name: 'merged cells unmerged, their value repeated in every cell',
    apply: (grids) => ({
      grids: grids.map((g) => {
        const cells = g.cells.map((row) => [...row]);
        for (const m of g.merges ?? []) {
          const value = g.cells[m.top]?.[m.left];
          if (value === null || value === undefined || value === '') continue;
          for (let r = m.top; r <= m.bottom; r++)
            for (let c = m.left; c <= m.right; c++) {
              while (cells[r]!.length <= c) cells[r]!.push(null);
              cells[r]![c] = value;
            }
        }
        return { ...g, cells, merges: [] };
      }),
      sheetBack: same(grids),
    }),
  },
  {
    // Other provinces' words for the same columns.
    name: 'header synonyms (权重→分值, 指标值→年度指标值, 计量单位→度量单位, 三级指标→指标名称 …)',
    apply: (grids) => ({
      grids: grids.map((g) => ({
        ...g,
        cells: g.cells.map((row) =>
          row.map((value) => (typeof value === 'string' ? (SYNONYMS.get(value.replace(/\s+/g, '')) ?? value) : value)),
        ),
      })),
      sheetBack: same(grids),
    }),
  },
  {
    // Many offices number the lines: a 序号 column in front of the first table of each sheet.
    name: 'a 序号 column in front of the first table of each sheet',
    apply: (grids) => {
      const model = recognizeWorkbook(grids);
      const inserted = new Map<string, number>();
      const changed = grids.map((g) => {
        const table = model.tables.find((t) => t.sheet === g.sheet);
        if (!table) return g;
        const at = table.range.left;
        inserted.set(g.sheet, at);
        const headerRow = Math.min(...table.headerRows);
        const bodyTop = Math.max(...table.headerRows) + 1;
        const isTotal = (row: CellValue[]): boolean =>
          row.some((v) => typeof v === 'string' && /合计|总计|小计/.test(v));
        const shifted = insertColumns(g, (c) => (c >= at ? c + 1 : c));
        let serial = 0;
        const cells = shifted.cells.map((row, r) => {
          const copy = [...row];
          while (copy.length <= at) copy.push(null);
          if (r === headerRow) copy[at] = '序号';
          else if (r >= bodyTop && r <= table.range.bottom && !isTotal(row) && row.some((v) => v !== null && v !== ''))
            copy[at] = ++serial;
          return copy;
        });
        return { ...shifted, cells };
      });
      return {
        grids: changed,
        sheetBack: same(grids),
        colBack: (c, sheet) => {
          const at = inserted.get(sheet);
          return at === undefined || c < at ? c : c === at ? undefined : c - 1;
        },
      };
    },
  },
  {
    // PDF conversions leave empty spacer columns inside tables.
    name: 'a blank column inserted after column B',
    apply: (grids) => ({
      grids: grids.map((g) => insertColumns(g, (c) => (c >= 2 ? c + 1 : c))),
      sheetBack: same(grids),
      colBack: (c) => (c === 2 ? undefined : c > 2 ? c - 1 : c),
    }),
  },
  {
    // … and empty rows where the pages broke.
    name: 'a blank row after every 12th row',
    apply: (grids) => ({
      grids: grids.map((g) => {
        const at = (r: number): number => r + Math.floor(r / 12);
        const cells: CellValue[][] = [];
        const formats: (string | null | undefined)[][] = [];
        g.cells.forEach((row, r) => {
          if (r > 0 && r % 12 === 0) {
            cells.push([]);
            formats.push([]);
          }
          cells.push(row);
          formats.push(g.numberFormats?.[r] ?? []);
        });
        return {
          ...g,
          cells,
          numberFormats: g.numberFormats && formats,
          merges: g.merges?.map((m) => ({ ...m, top: at(m.top), bottom: at(m.bottom) })),
        };
      }),
      sheetBack: same(grids),
      rowBack: (r) => ((r + 1) % 13 === 0 ? undefined : r - Math.floor((r + 1) / 13)),
    }),
  },
  {
    // PDF conversions repeat the header rows at the top of every page.
    name: 'header rows repeated after every 15th body row (page breaks of a PDF conversion)',
    apply: (grids) => {
      const model = recognizeWorkbook(grids);
      const origins = new Map<string, (number | undefined)[]>();
      const changed = grids.map((g) => {
        const table = model.tables.find((t) => t.sheet === g.sheet && t.range.bottom - t.range.top > 20);
        const origin: (number | undefined)[] = [];
        origins.set(g.sheet, origin);
        if (!table) {
          g.cells.forEach((_, r) => origin.push(r));
          return g;
        }
        const headers = [...table.headerRows].sort((a, b) => a - b);
        const bodyTop = headers.at(-1)! + 1;
        const cells: CellValue[][] = [];
        const formats: (string | null | undefined)[][] = [];
        const rowAt: number[] = [];
        g.cells.forEach((row, r) => {
          if (r > bodyTop && r <= table.range.bottom && (r - bodyTop) % 15 === 0) {
            for (const h of headers) {
              cells.push([...g.cells[h]!]);
              formats.push([]);
              origin.push(undefined);
            }
          }
          rowAt[r] = cells.length;
          cells.push(row);
          formats.push(g.numberFormats?.[r] ?? []);
          origin.push(r);
        });
        // A merge does not cross a page break: one spanning a repeated header is cut in two around it.
        const merges = (g.merges ?? []).flatMap((m) => {
          const parts: CellRange[] = [];
          let top = m.top;
          for (let r = m.top + 1; r <= m.bottom; r++) {
            if (rowAt[r]! - rowAt[r - 1]! > 1) {
              parts.push({ ...m, top: rowAt[top]!, bottom: rowAt[r - 1]! });
              top = r;
            }
          }
          parts.push({ ...m, top: rowAt[top]!, bottom: rowAt[m.bottom]! });
          return parts.filter((p) => p.bottom > p.top || p.right > p.left);
        });
        return { ...g, cells, numberFormats: g.numberFormats && formats, merges };
      });
      return {
        grids: changed,
        sheetBack: same(grids),
        rowSheetBack: (sheet, row) => {
          const back = origins.get(sheet)?.[row];
          return back === undefined ? undefined : { sheet, row: back };
        },
      };
    },
  },
  {
    // A whole 公开 set on one sheet: every sheet's content one under another, three blank rows apart.
    name: 'all sheets stacked on one sheet, three blank rows apart',
    apply: (grids) => {
      const starts: { sheet: string; top: number; rows: number }[] = [];
      const cells: CellValue[][] = [];
      const formats: (string | null | undefined)[][] = [];
      const merges: CellRange[] = [];
      for (const g of grids) {
        if (cells.length > 0) {
          for (let i = 0; i < 3; i++) {
            cells.push([]);
            formats.push([]);
          }
        }
        const top = cells.length;
        starts.push({ sheet: g.sheet, top, rows: g.cells.length });
        g.cells.forEach((row, r) => {
          cells.push(row);
          formats.push(g.numberFormats?.[r] ?? []);
        });
        for (const m of g.merges ?? []) merges.push({ ...m, top: m.top + top, bottom: m.bottom + top });
      }
      return {
        grids: [{ sheet: '公开表', cells, numberFormats: formats, merges }],
        sheetBack: new Map(),
        rowSheetBack: (_sheet, row) => {
          const start = starts.find((s) => row >= s.top && row < s.top + s.rows);
          return start && { sheet: start.sheet, row: row - start.top };
        },
      };
    },
  },
  {
    name: 'sheets renamed Sheet1, Sheet2 …',
    apply: (grids) => {
      const renamed = grids.map((g, i) => ({ ...g, sheet: `Sheet${i + 1}` }));
      return { grids: renamed, sheetBack: new Map(renamed.map((g, i) => [g.sheet, grids[i]!.sheet])) };
    },
  },
];

/**
 * A finding's address in the changed workbook, mapped back to the original sheet and cells; undefined when it is all
 * cells the variant added.
 */
function mapBack(address: string, sheet: string, applied: Applied): { sheet: string; ref: string } | undefined {
  const range = parseRangeAddress(address);
  let originalSheet = applied.sheetBack.get(sheet) ?? sheet;
  const rows: number[] = [];
  const cols: number[] = [];
  for (let r = range.top; r <= range.bottom; r++) {
    if (applied.rowSheetBack) {
      const back = applied.rowSheetBack(sheet, r);
      if (back === undefined || (rows.length > 0 && back.sheet !== originalSheet)) continue;
      originalSheet = back.sheet;
      rows.push(back.row);
      continue;
    }
    const back = applied.rowBack ? applied.rowBack(r) : r;
    if (back !== undefined) rows.push(back);
  }
  for (let c = range.left; c <= range.right; c++) {
    const back = applied.colBack ? applied.colBack(c, sheet) : c;
    if (back !== undefined) cols.push(back);
  }
  if (rows.length === 0 || cols.length === 0) return undefined;
  const ref = rangeAddress({
    top: Math.min(...rows),
    bottom: Math.max(...rows),
    left: Math.min(...cols),
    right: Math.max(...cols),
  });
  return { sheet: originalSheet, ref };
}

function mapRelated(ref: string, findingSheet: string, applied: Applied): string | undefined {
  const { sheet, ref: local } = splitSheetRef(ref);
  const back = mapBack(local, sheet ?? findingSheet, applied);
  return back && `${quoteSheetName(back.sheet)}!${back.ref}`;
}

async function main(): Promise<number> {
  const found = findCorpus('robustness');
  if (!found) return 0;
  const { dir: corpus, scorer, files } = found;
  const workbooks = await Promise.all(
    files.map(async (name) => ({ name, grids: await readWorkbookGrids(join(corpus, name)) })),
  );
  const dir = mkdtempSync(join(tmpdir(), 'budget-check-robustness-'));
  try {
    for (const variant of VARIANTS) {
      const reportFiles = workbooks.map(({ name, grids }) => {
        const applied = variant.apply(grids);
        const report = checkGrids(applied.grids);
        return {
          file: name,
          findings: report.findings.flatMap((f) => {
            const sheet = f.sheet ?? '';
            const at = f.cell === undefined ? undefined : mapBack(f.cell, sheet, applied);
            if (f.cell !== undefined && at === undefined) return [];
            return [
              {
                ruleId: f.ruleId,
                severity: f.severity,
                sheet: at?.sheet ?? (f.sheet === undefined ? undefined : (applied.sheetBack.get(f.sheet) ?? f.sheet)),
                cell: at?.ref,
                message: f.message,
                related: f.related?.flatMap((r) => mapRelated(r, sheet, applied) ?? []),
              },
            ];
          }),
        };
      });
      const reportPath = join(dir, 'report.json');
      writeFileSync(reportPath, JSON.stringify({ version: 1, files: reportFiles }));
      const scored = spawnSync(process.execPath, [scorer, reportPath, corpus, ...process.argv.slice(2)], {
        encoding: 'utf8',
      });
      const lines = scored.stdout.trim().split('\n');
      const misses = lines.filter((l) => /missed:|fp [1-9]/.test(l));
      console.log(`${variant.name}: ${lines.at(-1) ?? scored.stderr}`);
      for (const line of misses) console.log(`  ${line}`);
    }
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
