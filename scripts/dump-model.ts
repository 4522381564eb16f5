/** Debug aid: prints what recognition found in .xlsx files. Usage: node dist/scripts/dump-model.js file.xlsx */
import { readWorkbookGrids } from '../src/cli/read-xlsx';
import { rangeAddress, cellAddress } from '../src/validation/address';
import { recognizeWorkbook } from '../src/validation/recognize';

async function main(): Promise<void> {
  for (const file of process.argv.slice(2)) {
    const model = recognizeWorkbook(await readWorkbookGrids(file));
    console.log(`# ${file}`);
    for (const t of model.tables) {
      if (t.kind === 'indicators') {
        console.log(
          `${t.id} indicators/${t.layout}/${t.scope} title=${t.title ?? ''} unit=${t.moneyUnit ?? ''} cols=${JSON.stringify(t.columns)}`,
        );
        for (const f of t.form)
          console.log(
            `   form ${f.field} ${cellAddress(f.row, f.col)} ${f.amount ?? ''} ${f.unit ?? ''} "${f.text.slice(0, 30)}"`,
          );
        for (const u of t.units)
          console.log(
            `   unit ${u.name.text} ${u.total.value} projects=${u.projectIndices.join(',')} repeats=${u.repeats.length}`,
          );
        for (const p of t.projects) {
          const w = p.indicators.reduce((s, i) => s + (i.weight ? i.weight.value.toNumber() : 0), 0);
          console.log(
            `   project "${p.name?.text ?? ''}" budget=${p.budget?.value ?? ''} unit="${p.unitLabel?.text ?? ''}" bew=${p.budgetExecutionWeight?.value ?? ''} n=${p.indicators.length} w=${w} shifts=${p.indicators
              .filter((i) => i.shift)
              .map((i) => `${i.row + 1}:${i.shift}`)
              .join(',')}`,
          );
        }
      } else {
        console.log(
          `${t.id} amounts/${t.layout} side=${t.side ?? ''} title=${t.title ?? ''} cols=${t.columns.map((c) => `${c.role}@${c.col}`).join(',')} formulas=${JSON.stringify(t.rowFormulas)} rows=${t.rows.length}`,
        );
        for (const r of t.rows.slice(0, 40))
          console.log(
            `   ${r.row + 1} ${r.kind} code=${r.code ?? ''} d=${r.depth} p=${r.parent ?? ''} ${r.label?.text ?? ''} ${t.columns.map((c) => r.amounts.get(c.col)?.value.toString() ?? '-').join(' ')}`,
          );
      }
    }
    for (const n of model.notes)
      console.log(`   note ${JSON.stringify(n, (k, v) => (k === 'range' ? rangeAddress(v) : v))}`);
  }
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
