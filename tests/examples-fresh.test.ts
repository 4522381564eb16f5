import { join } from 'node:path';
import { EXAMPLE_WORKBOOKS } from '../scripts/examples';
import { readWorkbookGrids } from '../src/cli/read-xlsx';
import { roundTrip } from './helpers';

test.each(EXAMPLE_WORKBOOKS.map((spec) => [spec.file, spec] as const))(
  'examples/%s matches its transcription (npm run examples:build regenerates it)',
  async (file, spec) => {
    const committed = await readWorkbookGrids(join(__dirname, '..', 'examples', file));
    const fresh = await roundTrip(spec);
    expect(committed).toEqual(fresh);
  },
);
