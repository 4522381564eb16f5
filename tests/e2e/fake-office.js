/*
 * A stand-in for Office's office.js inside headless Chromium: an in-memory workbook behind the subset of
 * the Excel JavaScript API the adapter uses. The browser tests serve it in place of
 * https://appsforoffice.microsoft.com/lib/1/hosted/office.js and read the workbook back through
 * window.__fakeExcel. load() is a no-op (properties are always current); every call and every sync is
 * counted so that the tests can see how the pane talks to Excel.
 *
 * Input (set before this script runs): window.__fakeWorkbook = { language, sheets: [{ name, values, numberFormats,
 * merges: ["A1:B2"] }], active, selection: { sheet, row, col, rows, cols } }.
 */
(function () {
  const input = window.__fakeWorkbook;
  const state = {
    syncs: 0,
    runs: 0,
    settings: {},
    formats: [],
    nextFormatId: 1,
    selected: undefined,
    registered: [],
    names: [],
    /** Any assignment to a range's values or number formats: the pane must never make one. */
    writes: [],
  };
  window.__fakeExcel = state;

  const EMPTY = '';
  const valueAt = (sheet, r, c) => {
    const row = sheet.values[r];
    const v = row ? row[c] : undefined;
    return v === null || v === undefined ? EMPTY : v;
  };
  const formatAt = (sheet, r, c) => {
    const row = sheet.numberFormats && sheet.numberFormats[r];
    const f = row ? row[c] : undefined;
    return f === null || f === undefined ? 'General' : f;
  };
  const letters = (col) => {
    let s = '';
    for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  const parseRange = (a1) => {
    const [from, to = from] = a1.replace(/\$/g, '').split(':');
    const cell = (ref) => {
      const [, col, row] = /^([A-Z]+)(\d+)$/.exec(ref);
      return { row: Number(row) - 1, col: [...col].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1 };
    };
    const a = cell(from),
      b = cell(to);
    return { top: a.row, left: a.col, bottom: b.row, right: b.col };
  };
  /** Writes a block of values at a range's top-left cell (as Excel does for a range of that size). */
  const put = (sheet, address, block) => {
    const start = parseRange(address.slice(address.lastIndexOf('!') + 1));
    block.forEach((row, i) =>
      row.forEach((v, j) => {
        while (sheet.values.length <= start.top + i) sheet.values.push([]);
        sheet.values[start.top + i][start.left + j] = v;
      }),
    );
  };
  const quote = (name) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);

  function nullObject() {
    return { isNullObject: true, load() {} };
  }

  /** The sheet of each conditional format, kept out of the format objects the tests read back. */
  const formatSheets = new WeakMap();
  function conditionalFormats(sheet, address) {
    return {
      load() {},
      /** The formats of the sheet (Excel: those intersecting the range; the adapter reads them for the whole sheet). */
      get items() {
        return state.formats.filter((f) => formatSheets.get(f) === sheet);
      },
      add(type) {
        const custom = { rule: { formula: '' }, format: { fill: { color: '' } }, isNullObject: false };
        const format = {
          id: `{CF-${state.nextFormatId++}}`,
          sheet: sheet.name,
          address,
          type,
          custom,
          customOrNullObject: custom,
          isNullObject: false,
          load() {},
          delete() {
            state.formats = state.formats.filter((f) => f !== format);
          },
        };
        formatSheets.set(format, sheet);
        state.formats.push(format);
        return format;
      },
      getItemOrNullObject(id) {
        return state.formats.find((f) => f.sheet === sheet.name && f.id === id) || nullObject();
      },
    };
  }

  function rangeObject(sheet, top, left, rows, cols, address) {
    return {
      isNullObject: false,
      rowIndex: top,
      columnIndex: left,
      rowCount: rows,
      columnCount: cols,
      address: address || `${quote(sheet.name)}!${letters(left)}${top + 1}:${letters(left + cols - 1)}${top + rows}`,
      worksheet: worksheetObject(sheet),
      get values() {
        return Array.from({ length: rows }, (_, i) =>
          Array.from({ length: cols }, (_, j) => valueAt(sheet, top + i, left + j)),
        );
      },
      set values(values) {
        state.writes.push({ sheet: sheet.name, address: this.address, values });
        put(sheet, this.address, values);
      },
      set formulas(formulas) {
        state.writes.push({ sheet: sheet.name, address: this.address, formulas });
        put(sheet, this.address, formulas);
      },
      get numberFormat() {
        return Array.from({ length: rows }, (_, i) =>
          Array.from({ length: cols }, (_, j) => formatAt(sheet, top + i, left + j)),
        );
      },
      set numberFormat(numberFormat) {
        state.writes.push({ sheet: sheet.name, address: this.address, numberFormat });
      },
      conditionalFormats: conditionalFormats(sheet, address || ''),
      format: { font: {}, borders: { getItem: () => ({}) } },
      dataValidation: {},
      load() {},
      untrack() {},
      merge() {
        state.writes.push({ sheet: sheet.name, address: this.address, merge: true });
        sheet.merges.push(this.address.slice(this.address.lastIndexOf('!') + 1));
      },
      getMergedAreasOrNullObject() {
        // The merged areas that intersect this range, as Excel reports them: whole, even where they reach outside it.
        const inside = (sheet.merges || []).filter((m) => {
          const r = parseRange(m);
          return r.top < top + rows && r.bottom >= top && r.left < left + cols && r.right >= left;
        });
        if (inside.length === 0) return nullObject();
        return { isNullObject: false, address: inside.map((m) => `${quote(sheet.name)}!${m}`).join(','), load() {} };
      },
      select() {
        state.selected = { sheet: sheet.name, address: this.address };
      },
      getUsedRangeOrNullObject() {
        // The used part of this range: its intersection with the sheet's used range.
        const used = worksheetObject(sheet).getUsedRangeOrNullObject();
        if (used.isNullObject) return used;
        const t = Math.max(top, used.rowIndex),
          l = Math.max(left, used.columnIndex),
          b = Math.min(top + rows, used.rowIndex + used.rowCount),
          r = Math.min(left + cols, used.columnIndex + used.columnCount);
        return b <= t || r <= l ? nullObject() : rangeObject(sheet, t, l, b - t, r - l);
      },
    };
  }

  /** Worksheet ids, stable across renames, kept beside the input sheets (which the tests compare as they were). */
  const sheetIds = new WeakMap();
  function worksheetObject(sheet) {
    if (!sheetIds.has(sheet)) sheetIds.set(sheet, `{SHEET-${Math.random().toString(36).slice(2)}}`);
    return {
      id: sheetIds.get(sheet),
      name: sheet.name,
      isNullObject: false,
      get visibility() {
        return sheet.visibility || 'Visible';
      },
      set visibility(visibility) {
        sheet.visibility = visibility;
      },
      freezePanes: {
        freezeRows(rows) {
          sheet.frozenRows = rows;
        },
      },
      pageLayout: { setPrintTitleRows() {}, setPrintArea() {}, headersFooters: { defaultForAllPages: {} } },
      load() {},
      activate() {
        input.active = input.sheets.indexOf(sheet);
      },
      getUsedRangeOrNullObject() {
        let top = Infinity,
          left = Infinity,
          bottom = -1,
          right = -1;
        sheet.values.forEach((row, r) =>
          (row || []).forEach((v, c) => {
            if (v === null || v === undefined || v === '') return;
            top = Math.min(top, r);
            left = Math.min(left, c);
            bottom = Math.max(bottom, r);
            right = Math.max(right, c);
          }),
        );
        if (bottom < 0) return nullObject();
        return rangeObject(sheet, top, left, bottom - top + 1, right - left + 1);
      },
      getRangeByIndexes(top, left, rows, cols) {
        return rangeObject(sheet, top, left, rows, cols);
      },
      getRange(address) {
        const range = rangeObject(sheet, 0, 0, 1, 1, address || '');
        if (address) range.address = `${quote(sheet.name)}!${address}`;
        return range;
      },
      getRanges(address) {
        return { conditionalFormats: conditionalFormats(sheet, address), load() {} };
      },
    };
  }

  const sheetNamed = (name) => input.sheets.find((s) => s.name === name);
  const workbook = {
    worksheets: {
      load() {},
      get items() {
        return input.sheets.map(worksheetObject);
      },
      getActiveWorksheet() {
        return worksheetObject(input.sheets[input.active || 0]);
      },
      getItem(name) {
        const sheet = sheetNamed(name);
        if (!sheet) throw new Error(`ItemNotFound: ${name}`);
        return worksheetObject(sheet);
      },
      getItemOrNullObject(name) {
        const sheet = sheetNamed(name);
        return sheet ? worksheetObject(sheet) : nullObject();
      },
      add(name) {
        if (sheetNamed(name)) throw new Error(`ItemAlreadyExists: ${name}`);
        const sheet = { name, values: [], numberFormats: [], merges: [] };
        input.sheets.push(sheet);
        return worksheetObject(sheet);
      },
    },
    names: {
      load() {},
      get items() {
        return state.names;
      },
      add(name, reference) {
        if (state.names.some((n) => n.name === name)) throw new Error(`ItemAlreadyExists: ${name}`);
        state.names.push({ name, reference });
      },
    },
    getSelectedRange() {
      const s = input.selection;
      return rangeObject(sheetNamed(s.sheet), s.row, s.col, s.rows, s.cols);
    },
    settings: {
      getItemOrNullObject(key) {
        if (!(key in state.settings)) return nullObject();
        return {
          isNullObject: false,
          value: state.settings[key],
          load() {},
          delete() {
            delete state.settings[key];
          },
        };
      },
      add(key, value) {
        state.settings[key] = value;
      },
    },
  };

  window.Excel = {
    ConditionalFormatType: { custom: 'Custom' },
    SheetVisibility: { visible: 'Visible', hidden: 'Hidden' },
    DataValidationAlertStyle: { stop: 'Stop' },
    PaperType: { a4: 'A4' },
    PageOrientation: { portrait: 'Portrait', landscape: 'Landscape' },
    async run(batch) {
      state.runs++;
      return batch({
        workbook,
        async sync() {
          state.syncs++;
          await new Promise((resolve) => setTimeout(resolve, 0));
        },
      });
    },
  };
  window.Office = {
    context: { displayLanguage: input.language, requirements: { isSetSupported: () => true } },
    onReady(callback) {
      return new Promise((resolve) => setTimeout(resolve, 0)).then(() => {
        const info = { host: 'Excel', platform: 'OfficeOnline' };
        if (callback) callback(info);
        return info;
      });
    },
  };
  class CustomFunctionError extends Error {
    constructor(code, message) {
      super(message);
      this.code = code;
    }
  }
  window.CustomFunctions = {
    associate(id) {
      state.registered.push(id);
    },
    Error: CustomFunctionError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
  };
})();
