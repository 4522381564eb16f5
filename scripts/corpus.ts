/** The real-document corpus the accuracy and robustness scripts score: where it is, its scorer and its workbooks. */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface Corpus {
  dir: string;
  scorer: string;
  /** The workbooks' file names, sorted. */
  files: string[];
}

/** ../shared/corpus (or $BUDGET_CHECK_CORPUS); undefined, after saying so, when it or its scorer is absent. */
export function findCorpus(script: string): Corpus | undefined {
  const dir = resolve(process.env.BUDGET_CHECK_CORPUS ?? join(__dirname, '..', '..', '..', 'shared', 'corpus'));
  const scorer = join(dir, 'score.mjs');
  if (!existsSync(dir) || !existsSync(scorer)) {
    console.log(`${script}: no corpus at ${dir} (set BUDGET_CHECK_CORPUS); nothing measured`);
    return undefined;
  }
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.xlsx') && !name.startsWith('~$'))
    .sort();
  return { dir, scorer, files };
}
