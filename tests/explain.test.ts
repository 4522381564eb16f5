/** `budget-check --explain`: what recognition made of a file, in words, from the file as the CLI reads it. */
import { join } from 'node:path';
import { writeWorkbook } from '../scripts/examples/render';
import { cli } from './cli-helpers';
import { tempDir } from './helpers';

test('--explain prints each table, every column with its header path, role and evidence, and the identities', async () => {
  const file = join(tempDir(), '功能分类.xlsx');
  await writeWorkbook(
    {
      file: '功能分类.xlsx',
      description: 'test',
      sheets: [
        {
          name: '支出表',
          rows: [
            ['一般公共预算支出表'],
            ['功能分类科目编码', null, null, '科目名称', '一般公共预算支出合计', '基本支出', '项目支出'],
            ['类', '款', '项'],
            ['合计', null, null, null, 100, 60, 40],
            ['201', null, null, '一般公共服务支出', 100, 60, 40],
            ['201', '03', null, '政府办公厅（室）及相关机构事务', 100, 60, 40],
            ['201', '03', '01', '行政运行', 100, 60, 40],
            [],
            [],
            ['甲', '乙'],
            [1, 2],
          ],
          merges: ['A2:C2', 'D2:D3', 'E2:E3', 'F2:F3', 'G2:G3'],
        },
      ],
    },
    file,
  );
  const { code, stdout, stderr } = await cli('--explain', file);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  const lines = stdout.split('\n');
  expect(lines[0]).toBe(`# ${file}`);
  expect(lines).toContain('工作表 Sheet “支出表”: 1 个表格 table(s)');
  expect(lines).toContain('      A: 功能分类科目编码 › 类 → code:类 (header)');
  expect(lines).toContain('      C: 功能分类科目编码 › 项 → code:项 (header)');
  expect(lines).toContain('      E: 一般公共预算支出合计 → total (header)');
  expect(lines).toContain('    每行核对 row identity: E = F + G');
  expect(stdout).toContain('合计行 total rows: 4“合计” — 在上 on top');
  expect(stdout).toContain('有科目编码 coded 3');
  expect(stdout).toMatch(/未识别 unrecognized: A10:B11 含 2 个数字/);
  // The table explained is the table checked: it adds up, so no sum finding.
  const checked = JSON.parse((await cli('--format', 'json', file)).stdout) as {
    files: { sheets: unknown; findings: { ruleId: string }[] }[];
  };
  expect(checked.files[0]!.sheets).toEqual([{ sheet: '支出表', tables: 1, statements: 0 }]);
  expect(checked.files[0]!.findings.map((f) => f.ruleId)).toEqual(['structure/unrecognized']);
});

test('--explain on an unreadable file: one line naming it, exit 2', async () => {
  const dir = tempDir();
  const file = join(dir, 'broken.xlsx');
  require('node:fs').writeFileSync(file, 'not a workbook');
  const { code, stderr } = await cli('--explain', file);
  expect(code).toBe(2);
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).toContain('broken.xlsx');
});

test('--explain lists the figures compared across the tables of a set, with their cells, units and outcome', async () => {
  const file = join(tempDir(), '公开表.xlsx');
  await writeWorkbook(
    {
      file: '公开表.xlsx',
      description: 'test',
      sheets: [
        {
          name: '表5',
          rows: [
            ['2024年一般公共预算支出表'],
            ['单位：万元'],
            ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
            ['201', '一般公共服务支出', 500.75, 299.3, 201.45],
            ['合计', null, 500.75, 299.3, 201.45],
          ],
        },
        {
          name: '表6',
          rows: [
            ['2024年一般公共预算基本支出表'],
            ['单位：元'],
            ['科目编码', '科目名称', '合计', '人员经费', '公用经费'],
            ['301', '工资福利支出', 2_983_000, 2_983_000, null],
            ['302', '商品和服务支出', 9_000, null, 9_000],
            ['合计', null, 2_992_000, 2_983_000, 9_000],
          ],
        },
      ],
    },
    file,
  );
  const { stdout } = await cli(file, '--explain');
  expect(stdout).toContain(
    '表间核对 Across tables:\n  一般公共预算基本支出表的合计 表6!C6 2992000.00 元 = 一般公共预算支出表的基本支出 表5!D5 299.30 万元 → 不符 mismatch',
  );
}, 60_000);
