/**
 * Everything a reader of an xlsx sees, sheet by sheet, for comparing two ledgers: names in order, frozen
 * rows, column widths, every cell's value, bold and wrapping (wrapping of empty cells left out: an empty
 * cell that is not written reads back the same).
 */
import ExcelJS from 'exceljs'

export interface SheetPicture {
  name: string
  views: unknown
  widths: (number | undefined)[]
  rows: { values: unknown[]; bold: boolean[]; wrap: boolean[] }[]
}

/** Everything a reader of the file sees, sheet by sheet. */
export async function picture(buffer: Buffer): Promise<SheetPicture[]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(buffer as unknown as ArrayBuffer)
  return wb.worksheets.map((ws) => {
    const rows: SheetPicture['rows'] = []
    // Both counts are computed on every read (a scan of the sheet): read once.
    const rowCount = ws.rowCount
    const columnCount = ws.columnCount
    for (let r = 1; r <= rowCount; r++) {
      const row = ws.getRow(r)
      const values: unknown[] = []
      const bold: boolean[] = []
      const wrap: boolean[] = []
      for (let c = 1; c <= columnCount; c++) {
        const cell = row.getCell(c)
        values.push(cell.value ?? null)
        bold.push(cell.font?.bold === true)
        wrap.push(cell.alignment?.wrapText === true && cell.value !== null && cell.value !== undefined)
      }
      rows.push({ values, bold, wrap })
    }
    return {
      name: ws.name,
      views: (ws.views ?? []).map((v) => ({ state: v.state, ySplit: (v as { ySplit?: number }).ySplit })),
      widths: Array.from({ length: columnCount }, (_x, i) => ws.getColumn(i + 1).width),
      rows,
    }
  })
}

