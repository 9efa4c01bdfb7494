/**
 * Token discovery, done here rather than by wechaty-token's gRPC resolver: with no route to the
 * discovery service that resolver calls `listener.onError`, which the installed grpc-js listener no
 * longer has, and the TypeError kills the process; it also prints the lookup URL, token included, on
 * the console. The protocol is the same (wechaty-token `discover()`): GET
 * `https://<authority>/v0/hosties/<token>` answers `{"host": …, "port": …}`; a 4xx means the token is
 * not registered. The caller gets `host:port` or undefined and decides what to say; nothing is logged
 * here, so the token never reaches a log line.
 */
import https from 'node:https'

export const DEFAULT_DISCOVERY_AUTHORITY = 'api.chatie.io'

export type Fetch = (url: string, timeoutMs: number) => Promise<{ status: number; body: string }>

export const httpsFetch: Fetch = (url, timeoutMs) =>
  new Promise((resolve, reject) => {
    const req = https.get(url, { timeout: timeoutMs }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => (body += c.length + body.length > 65_536 ? '' : c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      res.on('error', reject)
    })
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', reject)
  })

export async function discoverEndpoint(token: string, authority = DEFAULT_DISCOVERY_AUTHORITY, fetch: Fetch = httpsFetch, timeoutMs = 10_000): Promise<string | undefined> {
  let res
  try {
    res = await fetch(`https://${authority}/v0/hosties/${encodeURIComponent(token)}`, timeoutMs)
  } catch {
    return undefined
  }
  if (res.status < 200 || res.status >= 300) return undefined
  try {
    const v = JSON.parse(res.body) as { host?: unknown; port?: unknown }
    const port = Number(v.port)
    if (typeof v.host === 'string' && v.host && Number.isInteger(port) && port > 0 && port < 65536) return `${v.host}:${port}`
  } catch {
    // not JSON
  }
  return undefined
}
