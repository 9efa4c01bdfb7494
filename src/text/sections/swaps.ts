/**
 * Duty changes between representatives (请假、代班、换班、顶班), the coordinator's /调班 and /取消接待, the
 * check-in (/签到), the request list, and the gap guard's alert (不得空岗). Dates and times arrive already
 * formatted (common.dateShort, roster.timeRange); names as stored; request numbers without the `#`.
 */
import { echoTyped } from '../../domain/privacy/echo-typed.js'

const DATE_FORMS = '12月10日、12/10、2026-12-10、12.10、下周三、本月25日'

export const swaps = {
  // ---- help ------------------------------------------------------------------------------------------
  cmd: {
    leave: {
      summary: '请假：这一场我来不了，空出位置，由机器人在群里征集顶班（党代表）',
      usage: '/请假 <日期> [理由]',
      example: '/请假 12月10日 出差',
      details: `日期可写：${DATE_FORMS}。请假后您立即移出这一场的值班，机器人在群里请大家 /顶班 并 @ 推荐今年值班最少的代表；已公告的场次会发更正。接待日临近（默认前 7 天起）仍空岗的，机器人每天在群里提醒一次，直到补齐。如果又能来了，发 /顶班 <日期> 把位置要回来。`,
    },
    substitute: {
      summary: '请某位代表替我值某一场（对方同意后才生效）',
      usage: '/代班 <日期> <代表>',
      example: '/代班 12月10日 @李秀兰',
      details: '代表可以 @ 本人，也可以写姓名或人员编号（同名时写编号）。对方回复“/同意 编号”后才换人，回复“/拒绝 编号”则不变；请求在有效期内（默认 24 小时，且总在接待开始前）没有回复就作废。发出后可以 /撤回 编号。',
    },
    swap: {
      summary: '和另一位代表互换两场值班（对方同意后才生效）',
      usage: '/换班 <我的日期> <对方的日期> <代表>',
      example: '/换班 12月10日 12月25日 @王建国',
      details: '您值第一个日期，对方值第二个日期；对方回复“/同意 编号”后两场同时互换，已公告的场次发更正。',
    },
    volunteer: {
      summary: '顶班：某一场有空位时我来值',
      usage: '/顶班 <日期>',
      example: '/顶班 12月10日',
      details: '有空位（有人请假或尚缺人）就立即生效，先到先得；已满员时会告诉您现在是谁在值。',
    },
    accept: {
      summary: '同意别人请我代班或换班',
      usage: '/同意 <编号>',
      example: '/同意 7',
      details: '编号见请求消息，或发 /换班记录 查看。只有被请的那位代表本人可以同意。',
    },
    refuse: {
      summary: '拒绝别人请我代班或换班',
      usage: '/拒绝 <编号>',
      example: '/拒绝 7',
    },
    withdraw: {
      summary: '撤回自己发出的代班或换班请求（联络员也可撤回本工作室的请求）',
      usage: '/撤回 <编号>',
      example: '/撤回 7',
    },
    log: {
      summary: '本工作室待处理的请假、代班、换班请求，以及近两周已处理的',
      usage: '/换班记录',
      example: '/换班记录',
    },
    force: {
      summary: '直接调整某一场的值班人（联络员）',
      usage: '/调班 <日期> <原代表>→<新代表> [理由]',
      example: '/调班 12月10日 张明华→陈志强 临时出差',
      details: '箭头也可写 ->、>、“换成”，或用空格隔开两个姓名。只写“→新代表”是补一个空位，只写“原代表→”是把他移出（留下空位）。接待开始后、结束前也可以调（记录实际到岗的人），结束后不能再改。',
    },
    cancel: {
      summary: '取消某一场接待日，并在群里通知（联络员）',
      usage: '/取消接待 <日期> <理由>',
      example: '/取消接待 12月25日 社区停电检修',
      details: '必须写理由，理由会发到群里。已开始的接待不能取消。这一场待处理的代班、换班请求随之作废。',
    },
    checkIn: {
      summary: '值班签到：值班代表当天发 /签到；联络员可替代表补签',
      usage: '/签到 [代表] [日期]',
      example: '/签到',
      details: '代表本人在接待开始前 1 小时起、到接待结束前可签到，结束后不能再签。联络员写“/签到 张明华”替他补签，也可补签 7 天内的场次：“/签到 张明华 12月10日”；补签记为“补签”，时间记为那一场的开始时间，并注明何时由谁登记。签到和补签都记入履职档案。',
    },
  },

  // ---- shared pieces ----------------------------------------------------------------------------------
  plainDate: (m: number, d: number) => `${m}月${d}日`,
  when: (date: string, time: string) => `${date} ${time}`,
  kind: { leave: '请假', substitute: '代班', swap: '换班' } as Record<string, string>,
  status: {
    open: '待处理',
    accepted: '已同意',
    refused: '已拒绝',
    withdrawn: '已撤回',
    expired: '已过期',
    filled: '已有人顶班',
    superseded: '值班已另有安排，自动关闭',
    cancelled: '接待已取消',
  } as Record<string, string>,
  change: { planned: '排班', set: '联络员排班', leave: '请假', substitute: '代班', swap: '换班', volunteer: '顶班', force: '联络员调班', cancel: '取消', restaff: '重新排班', takeback: '销假' } as Record<string, string>,
  coordinatorWord: '联络员',

  // ---- notes kept in the duty history (shown as 说明 in a correction) ----------------------------------
  noteLeave: (name: string, id: string, reason?: string) => `${name} 请假${reason ? `（${reason}）` : ''}，请求 #${id}`,
  noteSubstitute: (from: string, to: string, id: string) => `${from} 请 ${to} 代班，请求 #${id}`,
  noteSwap: (from: string, to: string, mine: string, theirs: string, id: string) => `${from}（原 ${mine}）与 ${to}（原 ${theirs}）换班，请求 #${id}`,
  noteVolunteer: (name: string) => `${name} 顶班`,
  noteTakeBack: (name: string, id: string) => `${name} 销假，回来值班（撤回请假 #${id}）`,
  noteForce: (by: string, reason?: string) => `联络员 ${by} 调班${reason ? `：${reason}` : ''}`,

  // ---- argument problems ------------------------------------------------------------------------------
  usage: (usage: string, example: string) => `用法：${usage}\n例：${example}`,
  badNumber: (text: string, usage: string) => `“${echoTyped(text)}”不是请求编号。编号是一个数字，见请求消息或 /换班记录。用法：${usage}`,
  needTarget: (usage: string, example: string) => `请写上您要请的代表（@ 本人、姓名或人员编号）。\n用法：${usage}\n例：${example}`,
  needReason: '取消接待必须写理由（会发到群里）。例：/取消接待 12月25日 社区停电检修',
  badReplacement: '看不懂要把谁换成谁。写法：/调班 12月10日 张明华→陈志强 [理由]（也可写 ->、>、“换成”，或用空格隔开两个姓名）',
  notRepHere: (studio: string) => `您不是${studio}的党代表，不能请假、代班或换班。发送 /我是谁 查看您的身份。`,
  notRepVolunteer: (studio: string) => `只有${studio}的在册党代表可以顶班。发送 /我是谁 查看您的身份。`,

  // ---- refusals (nothing changed) ---------------------------------------------------------------------
  noSession: (date: string, studio: string, upcoming: string) =>
    `${studio} ${date}没有接待日。${upcoming ? `近期接待日：${upcoming}。` : ''}请写接待日的日期。`,
  cancelled: (date: string) => `${date}的接待日已取消。`,
  started: (date: string) => `${date}的接待已经开始，不能再请假、代班或换班；如有变动请联系联络员（/调班）。`,
  over: (date: string) => `${date}的接待日已经结束，值班记录不能再改。`,
  notOnYou: (date: string, duty: string) => `您不在 ${date} 的值班名单里（值班：${duty}）。发 /我的值班 查看您的安排。`,
  alreadyOnYou: (date: string) => `您已经在 ${date} 的值班名单里了。`,
  self: '不能请自己代班或换班。请写另一位代表。',
  notRepOf: (name: string, studio: string) => `${name} 不是${studio}的在册党代表。`,
  targetAlreadyOn: (name: string, date: string) => `${name} 已经在 ${date} 的值班名单里了，不能再代这一场。`,
  targetNotOn: (name: string, date: string, duty: string) => `${name} 不在 ${date} 的值班名单里（值班：${duty}），没法和您换这一场。请核对对方的日期。`,
  youOnTheirs: (date: string) => `您已经在 ${date} 的值班名单里了，换过去就重复了。`,
  sameSession: '两个日期是同一场。换班要写您的日期和对方的日期。',
  full: (date: string, duty: string) => `${date}已满员（值班：${duty}），不需要顶班。想替某位代表，请他发 /代班 给您。`,
  stale: '刚才这一场的值班已被别人改过，请发 /接待日 看最新安排后再试。',
  tooMany: (required: number) => `这一场只需要 ${required} 位代表，已满员。`,

  // ---- requests by number ------------------------------------------------------------------------------
  notFound: (id: string) => `没有编号 ${id} 的请求。发 /换班记录 查看本工作室待处理的请求。`,
  leaveNoAccept: (id: string, date: string) => `#${id} 是请假，不需要谁同意。想替他值班请发：/顶班 ${date}`,
  leaveNoRefuse: (id: string) => `#${id} 是请假，不需要回复。`,
  leaveNoWithdraw: (id: string, date: string) => `请假 #${id} 已经生效，位置已空出。如果又能来了，请发：/顶班 ${date}`,
  notYours: (id: string, to: string) => `#${id} 是请 ${to} 的，只有 ${to} 本人可以回复。`,
  ownRequest: (id: string, to: string) => `#${id} 是您自己发出的，要等 ${to} 回复。不想换了可以发：/撤回 ${id}`,
  notAsker: (id: string, from: string) => `#${id} 是 ${from} 发出的，只有本人或联络员可以撤回。`,
  closed: (id: string, status: string, at: string, by: string) => `#${id} ${status}（${at}${by ? `，${by}` : ''}），不能再处理。`,
  expired: (id: string, at: string) => `#${id} 已在 ${at} 过期，不能再同意。如仍需要，请对方重新发请求。`,
  conflictGone: (id: string, name: string, date: string, why: string) =>
    `不能同意 #${id}：${name} 已不在 ${date} 的值班名单里${why}。这条请求与已生效的调整冲突，值班没有改动。`,
  conflictOn: (id: string, name: string, date: string, why: string) =>
    `不能同意 #${id}：${name} 已经在 ${date} 的值班名单里${why}。这条请求与已生效的调整冲突，值班没有改动。`,
  why: (at: string, what: string) => `（${at} ${what}）`,

  // ---- successes ----------------------------------------------------------------------------------------
  leaveDone: (o: { name: string; date: string; time: string; id: string; duty: string }) => `已记下 ${o.name} 请假：${o.date} ${o.time}（#${o.id}）。现值班：${o.duty}。`,
  leaveCall: (o: { studio: string; name: string; date: string; plain: string; time: string; reason?: string; missing: number; candidates: string[] }) =>
    [
      `【征集顶班】${o.studio} ${o.date} ${o.time}`,
      `${o.name} 请假${o.reason ? `（${o.reason}）` : ''}，这一场尚缺 ${o.missing} 人（不得空岗）。`,
      `能来的代表请回复：/顶班 ${o.plain}`,
      ...(o.candidates.length ? [`推荐（今年值班少、不连着值班的优先）：${o.candidates.join('、')}`] : []),
    ].join('\n'),
  candidate: (name: string, duties: number) => `${name}（今年 ${duties} 次）`,
  leavePrivately: '已在工作室群里征集顶班。',
  requestMade: (o: { id: string; from: string; to: string; what: string; expires: string }) =>
    [
      `#${o.id} ${o.from} 请 ${o.to} ${o.what}。`,
      `${o.to} 同意请回复：/同意 ${o.id}　不同意请回复：/拒绝 ${o.id}`,
      `${o.expires} 前有效，同意前值班不变。`,
    ].join('\n'),
  whatSubstitute: (date: string, time: string) => `代值 ${date} ${time} 的班`,
  whatSwap: (from: string, to: string, mine: string, theirs: string) => `换班：${to} 改值 ${mine}，${from} 改值 ${theirs}`,
  requestSentPrivately: (id: string, to: string) => `请求 #${id} 已发给 ${to}，对方回复后我会告诉您。`,
  requestExists: (id: string) => `同样的请求 #${id} 还在等对方回复，不用重复发。`,
  accepted: (o: { id: string; lines: string[]; corrected: boolean }) =>
    [`已同意 #${o.id}，值班已调整：`, ...o.lines, ...(o.corrected ? ['已公告的场次已在群里发了更正。'] : [])].join('\n'),
  dutyNow: (date: string, duty: string) => `· ${date}：${duty}`,
  refused: (id: string, to: string, from: string) => `${to} 拒绝了 #${id}，值班不变。${from}，可以换一位代表再请，或发 /请假 请大家顶班。`,
  withdrawn: (id: string) => `#${id} 已撤回，值班不变。`,
  volunteered: (o: { name: string; date: string; duty: string; missing: number; corrected: boolean }) =>
    [
      `谢谢 ${o.name}！已顶上 ${o.date} 的班。现值班：${o.duty}。`,
      ...(o.missing > 0 ? [`这一场还缺 ${o.missing} 人。`] : []),
      ...(o.corrected ? ['已公告的场次已在群里发了更正。'] : []),
    ].join('\n'),
  volunteerLost: (date: string, duty: string) => `晚了一步：${date}的空位刚被顶上（值班：${duty}）。谢谢您！`,
  forced: (o: { date: string; before: string; after: string; missing: number; corrected: boolean }) =>
    [
      `已调整 ${o.date} 的值班：${o.before} → ${o.after}。已记录调整人和时间。`,
      ...(o.missing > 0 ? [`这一场还缺 ${o.missing} 人（不得空岗），请尽快补齐。`] : []),
      ...(o.corrected ? ['这一场已经公告过，已在群里发了更正。'] : []),
    ].join('\n'),
  forceNotOn: (name: string, date: string, duty: string) => `${name} 不在 ${date} 的值班名单里（值班：${duty}）。`,
  forceSame: '原代表和新代表是同一个人。',
  forceNoSeat: (date: string, duty: string) => `${date}已满员（值班：${duty}）。要换人请写“原代表→新代表”。`,

  // ---- /取消接待 ------------------------------------------------------------------------------------------
  alreadyCancelled: (date: string, reason: string) => `${date}的接待日已经取消过了（理由：${reason}）。`,
  cancelStarted: (date: string) => `${date}的接待已经开始，不能取消。`,
  cancelNotice: (o: { studio: string; date: string; time: string; place: string; reason: string; duty: string; announced: boolean }) =>
    [
      `【接待日取消】${o.studio}`,
      `${o.date} ${o.time} 在 ${o.place} 的党代表接待日取消。`,
      `原因：${o.reason}`,
      `${o.announced ? '原公告的' : '原排定的'}值班代表：${o.duty}，这一场不用到岗。`,
      '给您带来不便，敬请谅解。',
    ].join('\n'),
  cancelDone: (date: string, posted: boolean) => `已取消 ${date} 的接待日。${posted ? '已在工作室群里发了通知。' : '本工作室还没有绑定群，请另行通知值班代表和群众。'}`,
  requestsVoided: (n: number) => `这一场待处理的 ${n} 条代班、换班请求随之作废。`,

  // ---- /签到 -------------------------------------------------------------------------------------------
  checkedIn: (name: string, when: string) => `${name} 已签到：${when}。`,
  backfilled: (name: string, session: string, by: string, recorded: string) => `已为 ${name} 补签：${session} 的接待日（${by} 于 ${recorded} 登记为补签）。`,
  checkInState: (done: string, pending: string) => `已签到：${done}${pending ? `；未签到：${pending}` : ''}`,
  backfillMark: (name: string) => `${name}（补签）`,
  alreadyCheckedIn: (name: string, time: string) => `${name} 已于 ${time} 签到过了。`,
  alreadyBackfilled: (name: string, recorded: string) => `${name} 这一场已经补签过了（${recorded} 登记）。`,
  noSessionToday: (studio: string) => `${studio} 今天没有接待日，不用签到。`,
  noSessionOn: (studio: string, date: string) => `${studio} ${date}没有接待日。`,
  checkInCancelled: (date: string) => `${date}的接待日已取消，不用签到。`,
  checkInNotOn: (name: string, date: string, duty: string) =>
    `${name} 不在 ${date} 的值班名单里（值班：${duty}）。临时顶班的，请联络员先 /调班 再签到。`,
  checkInTooEarly: (date: string, from: string, to: string) => `还没到签到时间：${date} ${from} 到 ${to} 可以签到（接待开始前 1 小时起，到接待结束）。`,
  checkInOver: (date: string, from: string, to: string) =>
    `${date}的接待已经结束，不能再签到了：签到时间是 ${from} 到 ${to}（接待开始前 1 小时起，到接待结束）。当时到岗没签上的，请联系联络员补签。`,
  checkInOthers: '只有联络员可以替别人签到。您本人签到请直接发 /签到。',
  checkInOnlyToday: '代表本人只能在接待日当天签到；补签请联系联络员。',
  checkInWho: '请写要签到的代表，例：/签到 张明华',
  checkInTooOld: (days: number) => `只能补签 ${days} 天内的接待日。`,
  checkInFuture: (date: string) => `${date}的接待还没开始，不能提前签到。`,
  checkInBadDate: (text: string) => `看不懂日期“${text}”。可以写：${DATE_FORMS}。`,

  // ---- /换班记录 -----------------------------------------------------------------------------------------
  logHeader: (studio: string) => `${studio} · 待处理的请假、代班、换班：`,
  logNone: '（没有待处理的请求）',
  logRecentHeader: '近两周已处理：',
  logLeave: (id: string, date: string, name: string, missing: number) => `#${id} 请假 ${date} ${name}，等人顶班（尚缺 ${missing} 人）`,
  logSubstitute: (id: string, date: string, from: string, to: string, expires: string) => `#${id} 代班 ${date} ${from} → ${to}，等 ${to} 回复（${expires} 前有效）`,
  logSwap: (id: string, mine: string, theirs: string, from: string, to: string, expires: string) =>
    `#${id} 换班 ${from}（${mine}）↔ ${to}（${theirs}），等 ${to} 回复（${expires} 前有效）`,
  logDone: (id: string, kind: string, date: string, who: string, status: string, at: string) => `#${id} ${kind} ${date} ${who}：${status}（${at}）`,
  logPair: (from: string, to: string) => `${from} → ${to}`,
  logHint: '回复 /同意 编号 或 /拒绝 编号；请人代班发 /代班，有空位发 /顶班。',

  // ---- scheduled: expiry notice, gap alert ---------------------------------------------------------------
  filledNotice: (o: { id: string; to: string; what: string; duty: string }) =>
    `您的请求 #${o.id}（请 ${o.to} ${o.what}）已关闭：这一场的值班已另有安排（现值班：${o.duty}），不用再等对方回复。`,
  expiredNotice: (o: { id: string; to: string; what: string }) =>
    `您的请求 #${o.id}（请 ${o.to} ${o.what}）已过期，对方没有回复，值班不变。仍需要的话，可以再请别人，或发 /请假 请大家顶班。`,
  gapAlert: (o: { studio: string; lines: string[]; window: number }) =>
    [
      `【缺岗提醒】${o.studio}：${o.window} 天内的接待日还没排满（不得空岗）：`,
      ...o.lines,
      '能来的代表请回复：/顶班 <日期>；联络员可发 /调班 <日期> →<代表> 直接安排。每天提醒一次，补齐为止。',
    ].join('\n'),
  gapLine: (date: string, time: string, duty: string, missing: number) => `· ${date} ${time} 现值班：${duty}，尚缺 ${missing} 人`,
  gapLeft: (names: string) => `  请假：${names}`,
  gapSuggest: (names: string) => `  推荐：${names}`,
}
