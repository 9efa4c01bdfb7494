import { isFooterRow } from '../../../src/domain/directory/import-people.js'

test.each([
  [['合计', '21人'], true],
  [['合 计：21人'], true],
  [['', '总计 21'], true],
  [['制表人：刘芳', '', '审核人：钱敏'], true],
  [['填表日期：2026年11月'], true],
  [['备注：层级以组织部文件为准'], true],
  [['注：手机号码为 11 位'], true],
  [['说明'], true],
  [['1', '张明华', '和平区教育局'], false],
  [['张合计'], false],
  [['', '', ''], false],
])('%j → %s', (cells, want) => {
  expect(isFooterRow(cells)).toBe(want)
})
