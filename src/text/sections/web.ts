/**
 * The web side (issue 18): the server's console lines, the page shell, error pages, the department's
 * work order, the constituent's lookup and rating, and the chat messages these cause.
 */
export const web = {
  // ---- console -----------------------------------------------------------------------------------------
  listening: (url: string) => `网页端已启动：${url}（承办单位工单、群众查询评价、联络室后台）`,
  listeningBehind: (local: string, publicUrl: string) => `网页端已启动：本机 ${local}，对外地址 ${publicUrl}`,
  portBusy: (host: string, port: number) =>
    `网页端无法启动：${host}:${port} 已被其他程序占用。请关闭占用该端口的程序，或在配置文件 web.port 改用其他端口（设为 0 则自动选一个空闲端口）。`,
  listenFailed: (host: string, port: number, why: string) => `网页端无法在 ${host}:${port} 启动：${why}`,
  disabled: '网页端未启用（配置 web.enabled: false）：工单链接、群众查询和后台都不可用。',

  // ---- page shell and errors -----------------------------------------------------------------------------
  siteName: '连心桥',
  footer: '党代表工作室 · 连心桥',
  errorTitle: {
    400: '请求有误',
    403: '无权访问',
    404: '页面不存在',
    429: '操作太频繁',
    500: '系统出错',
  } as Record<number, string>,
  errorText: {
    400: '提交的内容不完整或格式不对，请返回上一页按提示重新填写。',
    403: '此页面已失效或您无权访问。页面停留太久时请刷新后重试；链接失效请向工作室联络员索取新链接。',
    404: '没有这个页面。请检查链接是否完整（微信里转发时链接可能被截断），或向工作室联络员索取新链接。',
    429: '操作太频繁，请稍等几分钟再试。',
    500: '系统暂时出错，请稍后再试；多次出错请联系工作室联络员。',
  } as Record<number, string>,
  csrfExpired: '页面已过期或不是从本站提交的，请返回刷新页面后重新提交。',
  back: '返回',
  submit: '提交',
  required: (field: string) => `请填写${field}。`,
  tooLong: (field: string, max: number) => `${field}最多 ${max} 字。`,
}
