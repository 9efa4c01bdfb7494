import { tokenForLog, tokenKind } from '../../../src/domain/connection/token-kind.js'

test.each([
  ['insecure_lxq1234abcd', { kind: 'insecure', sni: 'insecure' }],
  ['puppet_padlocal_0123456789abcdef', { kind: 'padlocal', sni: 'puppet_padlocal' }],
  ['puppet_workpro_0123456789abcdef', { kind: 'workpro', sni: 'puppet_workpro' }],
  ['PUPPET_PADLOCAL_0123456789abcdef', { kind: 'padlocal', sni: 'puppet_padlocal' }],
  ['3d6e8e2c-5b1a-4a0e-9c62-1f2d3e4f5a6b', { kind: 'uuid' }],
  ['puppet_xp_0123456789', { kind: 'prefixed', sni: 'puppet_xp' }],
  ['insecure_ab', { kind: 'suspicious', reason: 'short' }],
  ['puppet_padlocal_0123 456', { kind: 'suspicious', reason: 'whitespace' }],
  ['"insecure_abcdef12"', { kind: 'suspicious', reason: 'quotes' }],
  ['abc', { kind: 'suspicious', reason: 'short' }],
  ['0123456789abcdef0123', { kind: 'suspicious', reason: 'no-prefix' }],
])('%s → %j', (token, kind) => {
  expect(tokenKind(token)).toEqual(kind)
})

test.each([
  ['puppet_padlocal_0123456789abcdef', 'puppet_padlocal_0123…'],
  ['insecure_lxqm8v8up0q', 'insecure_lxqm…'],
  ['insecure_abcd', 'insecure_…'],
  ['3d6e8e2c-5b1a-4a0e-9c62-1f2d3e4f5a6b', '3d6e…'],
  ['short', '…'],
])('%s is logged as %s (never the secret part)', (token, shown) => {
  expect(tokenForLog(token)).toBe(shown)
  expect(shown.replace('…', '').length).toBeLessThan(token.length)
})
