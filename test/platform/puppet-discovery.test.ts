import net from 'node:net'
import { discoverEndpoint, type Fetch } from '../../src/platform/puppet-discovery.js'

const answer = (status: number, body: string): Fetch => async () => ({ status, body })

test.each([
  [answer(200, '{"host":"gw.example.cn","port":8788}'), 'gw.example.cn:8788'],
  [answer(200, '{"host":"1.2.3.4","port":"8788"}'), '1.2.3.4:8788'],
  [answer(404, ''), undefined], // token not registered
  [answer(500, 'oops'), undefined],
  [answer(200, 'not json'), undefined],
  [answer(200, '{"host":"gw","port":0}'), undefined],
  [answer(200, '{"port":8788}'), undefined],
  [async () => Promise.reject(new Error('ENOTFOUND')), undefined],
])('discovery answer → %#', async (fetch, expected) => {
  expect(await discoverEndpoint('puppet_padlocal_abcdef123456', 'api.example', fetch)).toBe(expected)
})

test('asks the authority for the token under /v0/hosties/', async () => {
  const urls: string[] = []
  await discoverEndpoint('insecure_abc123def', 'disc.example:8443', async (url) => (urls.push(url), { status: 404, body: '' }))
  expect(urls).toEqual(['https://disc.example:8443/v0/hosties/insecure_abc123def'])
})

test('a discovery service that cannot be reached (loopback, closed port) gives undefined, not an exception', async () => {
  const port = await new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port
      s.close(() => resolve(p))
    })
  })
  await expect(discoverEndpoint('insecure_abc123def', `127.0.0.1:${port}`)).resolves.toBeUndefined()
})
