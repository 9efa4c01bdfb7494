import { parseReplacement, parseRequestNumber } from '../../../src/domain/swaps/parse-swap-args.js'

test.each([
  ['7', '7'],
  ['#7', '7'],
  ['＃7', '7'],
  ['７', '7'],
  ['7号', '7'],
  ['No.7', '7'],
  ['no7', '7'],
  ['编号7', '7'],
  ['第7号', '7'],
  ['007', '7'],
  [' 12 ', '12'],
  ['0', undefined],
  ['', undefined],
  ['abc', undefined],
  ['7a', undefined],
  ['HP-2026-0001', undefined],
  ['1234567890', undefined],
])('request number %j → %j', (text, expected) => {
  expect(parseRequestNumber(text)).toBe(expected)
})

test.each([
  ['张三→王五', { out: '张三', in: '王五' }],
  ['张三 → 王五', { out: '张三', in: '王五' }],
  ['张三->王五', { out: '张三', in: '王五' }],
  ['张三 -> 王五 临时出差', { out: '张三', in: '王五', reason: '临时出差' }],
  ['张三=>王五', { out: '张三', in: '王五' }],
  ['张三>王五', { out: '张三', in: '王五' }],
  ['张三＞王五', { out: '张三', in: '王五' }],
  ['张三换成王五', { out: '张三', in: '王五' }],
  ['张三改为王五 生病', { out: '张三', in: '王五', reason: '生病' }],
  ['张三 王五', { out: '张三', in: '王五' }],
  ['张三 王五 临时 出差', { out: '张三', in: '王五', reason: '临时 出差' }],
  ['@张三→@王五', { out: '@张三', in: '@王五' }],
  ['→王五', { in: '王五' }],
  ['空→王五', { in: '王五' }],
  ['张三→', { out: '张三' }],
  ['张三→ 空 生病', { out: '张三', reason: '生病' }],
  ['p01→p05', { out: 'p01', in: 'p05' }],
  ['张三', undefined],
  ['→', undefined],
  ['', undefined],
])('replacement %j', (text, expected) => {
  expect(parseReplacement(text)).toEqual(expected)
})
