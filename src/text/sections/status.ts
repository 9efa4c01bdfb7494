/** /状态: the bot's own health, for the liaison office's admins (privately). */
export const status = {
  cmd: {
    summary: '查看机器人自身的运行状态：微信连接、排队消息、各群最近发送、节假日日历、数据目录、今天发送量（管理员，私聊）',
    usage: '/状态',
    example: '/状态',
  },
  title: '【连心桥运行状态】',
  states: {
    idle: '未启动',
    discovering: '正在查询网关地址',
    connecting: '正在连接网关',
    connected: '已连上网关，未登录微信',
    'logged-in': '已登录微信',
    waiting: '网关断开，等待重连',
    stopped: '已停止',
  } as Record<string, string>,
  connection: (state: string, since: string | undefined) => `微信连接：${state}${since ? `（自 ${since}）` : ''}`,
  connectionUnknown: '微信连接：未知（本进程没有接入网关）',
  account: (name: string, id: string) => `登录账号：${name}（${id}）`,
  queued: (n: number) => `排队待发：${n} 条`,
  lastPostsHeader: '各群最近一次发送：',
  lastPost: (room: string, when: string | undefined) => `  ${room}：${when ?? '本次启动后未发送'}`,
  removed: (studio: string) => `  ${studio}：机器人已被移出群（或群已解散）`,
  unboundStudio: (studio: string) => `  ${studio}：未绑定群`,
  calendar: (years: { year: number; covered: boolean }[]) =>
    `节假日日历：${years.map((y) => `${y.year} 年${y.covered ? '已收录' : '未收录（暂按临时日历：法定节假日加周末）'}`).join('，')}`,
  data: (dir: string, ok: boolean, freeMb: number | undefined) =>
    `数据目录 ${dir}：${ok ? '可写' : '不可写！请检查权限'}${freeMb === undefined ? '' : `，剩余空间 ${freeMb.toLocaleString('en-US')} MB`}${freeMb !== undefined && freeMb < 500 ? '（不足 500 MB）' : ''}`,
  sentToday: (total: number, busiest: { room: string; n: number } | undefined) =>
    `今天已发送：${total} 条${busiest ? `，最多的群 ${busiest.room} ${busiest.n} 条` : ''}（本次启动起计）`,
  budget: (account: number, perGroup: number, deferred: number) =>
    `每日发送上限：账号 ${account || '不限'}${account ? ' 条' : ''}，每群 ${perGroup || '不限'}${perGroup ? ' 条' : ''}；接近上限时推迟、正在等待的消息 ${deferred} 条`,
}

/**
 * The send budget's priorities, by how a post begins (the titles of the catalogue's posts): these first
 * (with every reply), the next ones second, everything else (weekly follow-ups, 督办, reminders) last.
 */
export const budget = {
  first: ['【党代表接待日公告】', '【补发】【党代表接待日公告】', '【接待日取消】'],
  next: ['【更正】', '【缺岗提醒】', '【征集顶班】'],
  deferred: (to: string, priority: number, head: string) =>
    `今天的发送量接近每日上限，这条${['回复或公告', '更正或提醒', '定时消息'][priority] ?? '消息'}先等一等（不会丢，明天或有余量时发出）：发往 ${to}：${head}`,
}
