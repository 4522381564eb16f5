import type { WorkbookSpec } from './types';
import { workbook as seed000 } from './seed000';
import { workbook as seed002 } from './seed002';
import { workbook as seed003 } from './seed003';
import { workbook as seed004 } from './seed004';

/** The four seed documents (../shared/seeds) transcribed as workbooks. */
export const EXAMPLE_WORKBOOKS: readonly WorkbookSpec[] = [seed000, seed002, seed003, seed004];
