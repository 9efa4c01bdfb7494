import { splitQuote } from '../../../src/domain/message/split-quote.js'

const SEP = '- - - - - - - - - - - - - - -'

test.each([
  [`「张明华：王大爷说楼道灯坏了半个月」\n${SEP}\n/转办 HP-2026-0001 区房管局`, { text: '/转办 HP-2026-0001 区房管局', quote: { who: '张明华', text: '王大爷说楼道灯坏了半个月' } }],
  [`「王大爷: 楼道灯坏了」\n${SEP}\n/登记`, { text: '/登记', quote: { who: '王大爷', text: '楼道灯坏了' } }],
  // a multi-line quote, CRLF, a shorter separator
  [`「李秀兰：第一行\r\n第二行」\r\n- - -\r\n收到`, { text: '收到', quote: { who: '李秀兰', text: '第一行\n第二行' } }],
  // a quote without a name (a file or a system message)
  [`「[图片]」\n${SEP}\n/登记 王大爷 楼道灯坏了`, { text: '/登记 王大爷 楼道灯坏了', quote: { text: '[图片]' } }],
  // the new text may be empty
  [`「张明华：好的」\n${SEP}\n`, { text: '', quote: { who: '张明华', text: '好的' } }],
])('%j', (raw, expected) => {
  expect(splitQuote(raw)).toEqual(expected)
})

test.each([
  '/转办 HP-2026-0001 区房管局', // ordinary
  `「没有分隔线」\n/帮助`, // no separator
  `/帮助\n${SEP}\n说明`, // separator but no quote first
  `「没有闭合\n${SEP}\n/帮助`, // unclosed quote
  `前面有字「张明华：好」\n${SEP}\n/帮助`, // not at the start
])('not a quote: %j', (raw) => {
  expect(splitQuote(raw)).toEqual({ text: raw })
})
