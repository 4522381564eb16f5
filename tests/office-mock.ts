/** Installs an office-addin-mock `Excel` global over a fake workbook, counting the context syncs. */
import { OfficeMockObject } from 'office-addin-mock';

export function installExcelMock(
  workbook: object,
  enumerations: Record<string, unknown> = {},
): { syncs: () => number } {
  const data = {
    context: { workbook },
    run: async function (this: { context: unknown }, callback: (context: unknown) => Promise<unknown>) {
      return callback(this.context);
    },
  };
  // office-addin-mock types its constructor argument as its own ObjectData class, but takes any plain object.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
  const excel = new OfficeMockObject(data) as unknown as { context: { sync(): Promise<void> } };
  // Enumerations are plain constants in Office.js, not proxy objects to load.
  Object.assign(excel, enumerations);
  let syncs = 0;
  const sync = excel.context.sync.bind(excel.context);
  excel.context.sync = async () => {
    syncs++;
    await sync();
  };
  (globalThis as unknown as { Excel: unknown }).Excel = excel;
  return { syncs: () => syncs };
}
