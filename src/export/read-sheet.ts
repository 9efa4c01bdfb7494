/**
 * Reads the first non-empty worksheet of an xlsx as a grid of cell texts (row 1 first), the way a person
 * sees them in Excel: numbers as shown (a phone typed as a number stays its 11 digits), rich text and
 * hyperlinks as their text, formulas as their result.
 */
import type ExcelJS from 'exceljs'

export interface SheetGrid {
  sheet: string
  grid: string[][]
}

export async function readSheetGrid(source: string | Buffer): Promise<SheetGrid> {
  // Loaded on first use: exceljs alone is a fifth of the bot's start-up.
  const { default: Excel } = await import('exceljs')
  const wb = new Excel.Workbook()
  if (typeof source === 'string') await wb.xlsx.readFile(source)
  else await wb.xlsx.load(source as unknown as ArrayBuffer)
  const ws = wb.worksheets.find((w) => w.actualRowCount > 0) ?? wb.worksheets[0]
  if (!ws) return { sheet: '', grid: [] }
  const grid: string[][] = []
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r)
    const cells: string[] = []
    for (let c = 1; c <= ws.columnCount; c++) cells.push(cellText(row.getCell(c)))
    grid.push(cells)
  }
  return { sheet: ws.name, grid }
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value
  if (v === null || v === undefined) return ''
  if (typeof v === 'number') return String(v)
  if (typeof v === 'string') return v
  try {
    return cell.text ?? ''
  } catch {
    return String(v)
  }
}
