/**
 * What a puppet-service token looks like, checked at start so that a wrong one is a clear warning and
 * not a crash deep in the gRPC client. The client takes the part before the last `_` as the TLS server
 * name (SNI) and refuses a token without one; a bare UUID (old community gateways) has none.
 *
 *  - `insecure_…`: a gateway on wechaty-puppet-service's built-in test certificate (TLS on, or off on both
 *    sides with WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT);
 *  - `puppet_padlocal_…`, `puppet_workpro_…`: the providers' hosted gateways, TLS on;
 *  - a bare UUID: an old gateway, usually without TLS;
 *  - anything else with a prefix is passed on as it is; whitespace, quotes or a very short token are
 *    flagged as probably mistyped.
 */
export type TokenKind =
  | { kind: 'insecure'; sni: string }
  | { kind: 'padlocal'; sni: string }
  | { kind: 'workpro'; sni: string }
  | { kind: 'uuid' }
  | { kind: 'prefixed'; sni: string }
  | { kind: 'suspicious'; reason: 'whitespace' | 'quotes' | 'short' | 'no-prefix' }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function tokenKind(token: string): TokenKind {
  if (/\s/.test(token)) return { kind: 'suspicious', reason: 'whitespace' }
  if (/["'`]/.test(token)) return { kind: 'suspicious', reason: 'quotes' }
  if (UUID.test(token)) return { kind: 'uuid' }
  const cut = token.lastIndexOf('_')
  if (cut <= 0) return { kind: 'suspicious', reason: token.length < 16 ? 'short' : 'no-prefix' }
  const sni = token.slice(0, cut).toLowerCase()
  if (token.length - cut - 1 < 4) return { kind: 'suspicious', reason: 'short' }
  if (sni === 'insecure') return { kind: 'insecure', sni }
  if (sni === 'puppet_padlocal') return { kind: 'padlocal', sni }
  if (sni === 'puppet_workpro') return { kind: 'workpro', sni }
  return { kind: 'prefixed', sni }
}

/**
 * The part of a token that may appear in a log line: its SNI prefix (not secret: it names the provider)
 * and at most the first 4 characters after it, then `…`. Never the whole token.
 */
export function tokenForLog(token: string): string {
  const cut = token.lastIndexOf('_')
  const head = cut > 0 ? token.slice(0, cut + 1) : ''
  const rest = cut > 0 ? token.slice(cut + 1) : token
  const shown = rest.length > 8 ? rest.slice(0, 4) : ''
  return `${head}${shown}…`
}
