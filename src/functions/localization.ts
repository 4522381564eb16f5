/**
 * Chinese metadata for the custom functions (functions-zh-CN.json), applied by webpack to the generated
 * functions.json: Excel localizes only names and descriptions, and only from a separate metadata file.
 * Names need at least three characters.
 */
export const NAMESPACE_ZH = '预算';

export const FUNCTIONS_ZH: Record<
  string,
  {
    name: string;
    description: string;
    parameters: Record<string, { name: string; description: string }>;
    result?: string;
  }
> = {
  CHECK: {
    name: '检查表格',
    description: '检查区域中的预算绩效目标表或预算公开表，列出每个问题：级别、单元格、规则、说明。',
    parameters: {
      range: { name: '区域', description: '要检查的表格（含表头）：绩效目标表或预算表。' },
      options: { name: '选项', description: '配置档（national-2021、legacy、execution-90）或 JSON 配置。' },
    },
  },
  WEIGHTS: {
    name: '权重核对',
    description: '按项目汇总绩效目标表的权重，并说明是否正确。',
    parameters: { range: { name: '区域', description: '含权重列的绩效目标表。' } },
  },
  PARSE: {
    name: '解析指标值',
    description: '解析一个指标值（如“≥30万件”）：符号、数值、单位、类型。',
    parameters: { text: { name: '指标值', description: '指标值，如 ≥98%、≤15万元、优。' } },
  },
  SUMCHECK: {
    name: '合计核对',
    description: '合计与各分项之和的精确差额（以十进制计算），相等时为 0。',
    parameters: {
      total: { name: '合计', description: '合计数。' },
      parts: { name: '分项', description: '各分项：单元格或区域。' },
    },
  },
};

interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters?: { name: string; description?: string }[];
}

/** functions.json (English, generated from the JSDoc) → functions-zh-CN.json. */
export function localizeMetadata(json: string): string {
  const metadata = JSON.parse(json) as { functions: FunctionMetadata[] };
  for (const fn of metadata.functions) {
    const zh = FUNCTIONS_ZH[fn.id];
    if (!zh) throw new Error(`no Chinese metadata for custom function ${fn.id}`);
    fn.name = zh.name;
    fn.description = zh.description;
    for (const parameter of fn.parameters ?? []) {
      const localized = zh.parameters[parameter.name];
      if (!localized) throw new Error(`no Chinese metadata for parameter ${parameter.name} of ${fn.id}`);
      parameter.name = localized.name;
      parameter.description = localized.description;
    }
  }
  return JSON.stringify(metadata, null, 2);
}
