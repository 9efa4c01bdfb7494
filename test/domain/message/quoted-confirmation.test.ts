import { quotedConfirmation } from '../../../src/domain/message/quoted-confirmation.js'

const TITLE = '【党代表接待日公告】'
const ANN = '【党代表接待日公告】和平里工作室\n时间：2026年12月10日（周四） 18:00–20:00'

test.each([
  ['收到', ANN, { date: '2026-12-10' }],
  ['收到！', ANN, { date: '2026-12-10' }],
  ['好的👌', ANN, { date: '2026-12-10' }],
  ['ＯＫ', ANN, { date: '2026-12-10' }],
  ['/确认值班', ANN, { date: '2026-12-10' }],
  ['确认', '【补发】' + ANN, { date: '2026-12-10' }],
  ['收到', '【党代表接待日公告】和平里工作室…', { date: undefined }],
  ['收到', '【党代表接待日公告】时间：2026年2月30日', { date: undefined }],
  ['收到', '【更正】和平里工作室 12月10日', undefined],
  ['收到', undefined, undefined],
  ['我那天来不了', ANN, undefined],
  ['收到，但是我要请假', ANN, undefined],
])('%s quoting %s', (text, quoted, want) => {
  expect(quotedConfirmation(text, quoted, TITLE)).toEqual(want)
})
