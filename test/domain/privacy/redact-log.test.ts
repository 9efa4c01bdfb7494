import { redactLogMessage } from '../../../src/domain/privacy/redact-log.js'

test('a gateway address with its port stays readable in a log line; a phone written with dots does not', () => {
  expect(redactLogMessage('正在连接微信网关 127.0.0.1:9…')).toBe('正在连接微信网关 127.0.0.1:9…')
  expect(redactLogMessage('正在连接微信网关 10.20.30.40:8788（第 2 次）…')).toBe('正在连接微信网关 10.20.30.40:8788（第 2 次）…')
  expect(redactLogMessage('请联系 138.1234.5671')).not.toContain('1234')
})
