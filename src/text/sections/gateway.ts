/** Console lines about the WeChat gateway connection (one line per change of state) and the token check. */
export const gateway = {
  connecting: (where: string, attempt: number) => (attempt > 1 ? `正在连接微信网关 ${where}（第 ${attempt} 次）…` : `正在连接微信网关 ${where}…`),
  connected: (where: string) => `已连上微信网关 ${where}，等待登录…`,
  loggedIn: (name: string, id: string) => `已登录微信：${name}（${id}）。排队的消息开始发送。`,
  failed: (reason: string, seconds: number) => `连不上微信网关（${reason}），${seconds} 秒后重试。`,
  lost: (reason: string, seconds: number) => `与微信网关的连接断了（${reason}），发出的消息先排队；${seconds} 秒后重连。`,
  noLogin: (seconds: number, next: number) => `已连上网关，但 ${seconds} 秒内没有收到登录或扫码消息，${next} 秒后重新连接。`,
  loggedOut: '微信已退出登录（可能在手机上退出或被风控下线），发出的消息先排队，等待重新扫码登录。',
  scan: '请用机器人的微信扫描上面的二维码登录。',
  scanUrl: (url: string) => `二维码在终端里看不清时，可在浏览器打开：${url}`,
  backAfterLogout: (away: string) => `【连心桥】机器人的微信曾退出登录，已重新登录，期间约 ${away}。这段时间发到群里的命令没有收到，请提醒大家需要时重发；要发的公告已在登录后补发。`,
  removedFromRoom: (room: string) => `【连心桥】机器人已被移出“${room}”的微信群（或该群已解散），发往这个群的消息无法送达。请把机器人重新拉进群，再由联络员在群里发 /绑定本群。`,
  removedLog: (room: string) => `机器人被移出群 ${room}，已通知联络员和管理员。`,
  duration: (ms: number) => {
    const m = Math.max(1, Math.round(ms / 60_000))
    return m < 60 ? `${m} 分钟` : m < 60 * 48 ? `${Math.floor(m / 60)} 小时${m % 60 ? ` ${m % 60} 分钟` : ''}` : `${Math.round(m / 1440)} 天`
  },
  stopped: '已停止，与微信网关断开（网关保持运行，下次启动直接连上）。',
  reasons: {
    refused: '网关没有响应',
    dropped: '连接中断',
    timeout: '等待超时',
    noHeartbeat: '网关不回应',
    noEvents: '网关没有发来事件，可能还占着上一次的连接，稍后会释放',
    tls: 'TLS 设置与网关不一致',
    token: '网关不认这个 token',
    other: '未知错误',
  },
  discovery: {
    lookingUp: (token: string, authority: string) => `没有设置 WECHATY_PUPPET_SERVICE_ENDPOINT，正在按 token ${token} 向 ${authority} 查询网关地址…`,
    found: (endpoint: string) => `查到网关地址 ${endpoint}。`,
    failed: (token: string, seconds: number) =>
      `按 token ${token} 查不到网关地址（查询服务连不上，或 token 未登记）。如果服务商给了地址，请设置 WECHATY_PUPPET_SERVICE_ENDPOINT=主机:端口；${seconds} 秒后重试。`,
  },
  token: {
    using: (token: string, hint: string) => `token ${token}：${hint}`,
    insecure: (noTls: boolean) =>
      noTls
        ? 'insecure 网关，客户端 TLS 已关闭（WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT），须与网关一致。'
        : 'insecure 网关（puppet-service 自带测试证书）；网关关闭了 TLS 时，请设置 WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT=true。',
    padlocal: '句子互动 PadLocal 网关，使用 TLS，不要设置 WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT。',
    workpro: '企业微信 WorkPro 网关，使用 TLS，不要设置 WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT。',
    uuid: (noTls: boolean) =>
      noTls
        ? '旧式 UUID token（没有前缀），按 insecure 处理，客户端 TLS 已关闭。'
        : '旧式 UUID token（没有前缀）：旧网关大多不用 TLS，连不上时请设置 WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT=true，或在 token 前加 insecure_。',
    prefixed: (sni: string) => `服务商前缀 ${sni}，使用 TLS（服务器名 ${sni}）。`,
    suspicious: {
      whitespace: '警告：token 里有空格或换行，多半是复制时带进来的，请检查。',
      quotes: '警告：token 里有引号，多半是复制时带进来的，请去掉引号。',
      short: '警告：token 太短，不像服务商发的 token，请检查。',
      'no-prefix': '警告：token 没有前缀（如 insecure_、puppet_padlocal_），puppet-service 客户端需要前缀；已按 insecure 处理，连不上时请向服务商确认完整的 token。',
    } as Record<string, string>,
  },
}
