/** Highlight fills by severity, shared by the Excel adapter and the standalone grid (same colours as the CLI's annotated copies). */
export const HIGHLIGHT_COLORS = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' } as const;
