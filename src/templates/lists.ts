import { columnLetters, type ProfileId } from '../validation';
import type { ListSheet } from './plan';

export const LIST_SHEET = '_预算检查列表';

const LEVEL2: Record<string, string[]> = {
  产出指标: ['数量指标', '质量指标', '时效指标'],
  成本指标: ['经济成本指标', '社会成本指标', '生态环境成本指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标'],
};

const UNITS = [
  '%',
  '个',
  '人',
  '人次',
  '次',
  '件',
  '项',
  '户',
  '家',
  '所',
  '台',
  '套',
  '条',
  '篇',
  '天',
  '月',
  '年',
  '小时',
  '工作日',
  '元',
  '万元',
  '元/人',
  '万元/年',
  '平方米',
  '公里',
  '亩',
  '吨',
  'Mbps',
];

/** The older framework's 二级 lists are named after their 一级 with this suffix: 产出指标_旧版 holds 成本指标. */
const LEGACY_SUFFIX = '_旧版';

/**
 * The dropdown lists, on one hidden sheet: 一级 from the profile; 二级 per 一级 as named ranges (the
 * dependent dropdown is =INDIRECT(一级 cell)); 指标性质; 单位; 指标方向性. The 2021 framework has 成本指标 as a
 * 一级 only; the older one has it under 产出指标 (domain.md §3), in lists of its own. New lists go at the end,
 * so that the columns of the lists written by earlier versions keep their letters.
 */
export function listSheet(): ListSheet {
  const national = ['产出指标', '成本指标', '效益指标', '满意度指标'];
  const legacy = ['产出指标', '效益指标', '满意度指标'];
  const legacyLevel2: Record<string, string[]> = { ...LEVEL2, 产出指标: [...LEVEL2['产出指标']!, '成本指标'] };
  const lists: { name: string; header: string; values: string[] }[] = [
    { name: '一级指标列表', header: '一级指标', values: national },
    { name: '一级指标列表_旧版', header: '一级指标（旧版）', values: legacy },
    // Named after the 一级 itself: the 二级 dropdown is =INDIRECT(一级 cell).
    ...national.map((name) => ({ name, header: name, values: LEVEL2[name]! })),
    { name: '指标性质列表', header: '指标性质', values: ['≥', '≤', '=', '定性'] },
    { name: '计量单位列表', header: '计量单位', values: UNITS },
    { name: '指标方向性列表', header: '指标方向性', values: ['正向指标', '反向指标'] },
    ...legacy.map((name) => ({
      name: `${name}${LEGACY_SUFFIX}`,
      header: `${name}（旧版）`,
      values: legacyLevel2[name]!,
    })),
  ];
  return {
    sheetName: LIST_SHEET,
    columns: lists.map(({ header, values }) => ({ header, values })),
    names: lists.map(({ name, values }, i) => {
      const letter = columnLetters(i);
      return { name, range: `'${LIST_SHEET}'!$${letter}$2:$${letter}$${values.length + 1}` };
    }),
  };
}

export function level1ListName(profile: ProfileId): string {
  return profile === 'legacy' ? '一级指标列表_旧版' : '一级指标列表';
}

/** The 二级 dropdown's source for a 一级 cell ("$A14"): the list named after the 一级 in the profile's framework. */
export function level2ListSource(profile: ProfileId, level1Cell: string): string {
  return profile === 'legacy' ? `=INDIRECT(${level1Cell}&"${LEGACY_SUFFIX}")` : `=INDIRECT(${level1Cell})`;
}
