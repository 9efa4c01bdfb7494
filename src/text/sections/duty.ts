/**
 * The duty desk (值班台): confirming a duty (/确认值班 or a quoted reply to the announcement), the private
 * reminders the day before and on the morning, with a handoff digest, and the coordinator's notice of an
 * unconfirmed seat. Dates arrive formatted (dateShort), names told apart (nameOf).
 */

export const duty = {
  cmd: {
    takeBack: {
      summary: '销假：请了假又能来了，在还没人顶班时把这一场要回来',
      usage: '/销假 <日期>',
      example: '/销假 12月10日',
      details: '只有请假的本人可以销假；空位已被别人顶上（或联络员已另行安排）时不能再要回，可请对方 /代班 换回，或联系联络员。也可写 /取消请假。',
    },
    today: {
      summary: '今天谁值班，以及本工作室下一场接待日的值班代表',
      usage: '/今天值班 [工作室]',
      example: '/今天值班',
      details: '在工作室群里直接发；私聊时默认是您所在的工作室，也可写上工作室名称，如“/今天值班 七一”。也可写 /值班、/今日值班、/谁值班。',
    },
    importSheet: {
      summary: '导入花名册：把 xlsx 文件私聊发给我，我列出将要新增、修改、不在册的人，核对后回复 /确认导入（管理员）',
      usage: '（私聊发送 花名册.xlsx 文件）',
      example: '把“花名册.xlsx”私聊发给连心桥',
      details: '表头须有“姓名”“工作室”两列，另可有单位、职务、层级、手机、角色；没有的列保留名册里原来的内容。合计、制表人、备注等行自动跳过。',
    },
    confirmImport: {
      summary: '把刚发来的花名册写入，立即生效（管理员，私聊）',
      usage: '/确认导入',
      example: '/确认导入',
    },
    confirmAny: {
      summary: '确认：值班代表确认自己最近的一场值班；管理员有待确认的花名册时确认导入',
      usage: '/确认',
      example: '/确认',
      details: '也可以写清楚：/确认值班、/确认导入、/确认放假安排、/确认绑定 编号。',
    },
    confirm: {
      summary: '确认我会按时到岗值班（公告里点名的代表回复）',
      usage: '/确认值班 [日期]',
      example: '/确认值班',
      details: '不写日期时确认您最近的一场值班。也可以在群里“引用”值班公告，回复“收到”或“确认”。被换上来的代表要自己再确认；/顶班、同意代班或换班的，视为已确认。',
    },
  },

  // ---- /销假 --------------------------------------------------------------------------------------------
  takenBack: (o: { name: string; date: string; time: string; id: string; duty: string }) =>
    `已销假：${o.name} 回到 ${o.date} ${o.time} 的值班（请假 #${o.id} 已撤回），视为已确认到岗。现值班：${o.duty}。`,
  takeBackFilled: (date: string, by: string, duty: string) =>
    `来不及了：${date}的空位已经${by ? `由 ${by} 顶上` : '另有安排'}（现值班：${duty}），不能销假。如仍想值班，可请对方 /代班 换回，或联系联络员。`,
  takeBackNoLeave: (name: string, date: string) => `${name} 没有请 ${date} 的假，不用销假。发送 /我的值班 查看您的安排。`,
  takeBackAlreadyOn: (name: string, date: string) => `${name} 已经在 ${date} 的值班里了，不用销假。`,
  takeBackStarted: (date: string) => `${date}的接待已经开始，不能再销假；请直接联系联络员。`,
  takeBackOver: (date: string) => `${date}的接待已经结束，值班记录不能再改。`,
  takeBackCancelled: (date: string) => `${date}的接待日已取消，不用销假。`,
  takeBackNotRep: (studio: string) => `只有${studio}请过假的党代表可以销假。`,

  // ---- /今天值班 ----------------------------------------------------------------------------------------
  todayHeader: (studio: string, date: string) => `${studio} · 今天 ${date}`,
  todayLine: (time: string, duty: string) => `今天 ${time} 值班：${duty}`,
  todayOver: (time: string, duty: string) => `今天 ${time} 的接待已结束，值班的是：${duty}`,
  todayCancelled: (reason: string) => `今天的接待日已取消（${reason}）。`,
  todayNone: '今天没有接待日。',
  todayPlace: (place: string) => `地点：${place}`,
  nextLine: (date: string, time: string, duty: string) => `下一场：${date} ${time}，值班：${duty}`,
  nextNone: '近期没有排定的下一场接待日。',
  markConfirmed: (name: string) => `${name}（已确认）`,
  markCheckedIn: (name: string) => `${name}（已签到）`,

  // ---- the 花名册 sent in chat ----------------------------------------------------------------------------
  importSendFile: '请把花名册 xlsx 文件直接私聊发给我（表头须有“姓名”“工作室”两列）。我先列出将要做的改动，核对后回复 /确认导入。',
  importNotXlsx: (file: string) => `读不了“${file}”。请用 Excel 另存为 .xlsx 后再发给我。`,
  importTooLarge: '文件太大（超过 5 MB），不像花名册。请只保留人员名单后再发。',
  importAsk: '核对无误请在 30 分钟内回复 /确认导入，写入后立即生效，不用重启。',
  importBlocked: '有错误，没有写入。请改正后把文件重新发给我。',
  importNothing: '没有待确认的花名册。请先把 xlsx 文件私聊发给我。',
  importExpired: '刚才的花名册已超过 30 分钟没有确认，已作废。请把文件重新发给我。',
  importErrorsNow: (lines: string) => `名册在此期间有变动，重新核对后发现错误，没有写入：\n${lines}`,
  importApplied: (people: number, added: number, updated: number, left: number) => `已导入花名册，立即生效：在册名单共 ${people} 人（新增 ${added}、修改 ${updated}、不在册或删除 ${left}）。之后的排班、公告和提醒都按新名册。`,
  confirmWhat: '请写明要确认什么：/确认值班、/确认导入、/确认放假安排，或 /确认绑定 编号。',

  // ---- the announcement's closing line ----------------------------------------------------------------
  announcementAsk: '请值班代表回复 /确认值班（或引用本条回复“收到”）确认到岗。',

  // ---- /确认值班 ------------------------------------------------------------------------------------------
  confirmed: (o: { name: string; date: string; time: string; studio: string; partners: string }) =>
    `已确认：${o.name} ${o.date} ${o.time} 在${o.studio}值班。谢谢！${o.partners ? `\n同班：${o.partners}` : ''}`,
  alreadyConfirmed: (name: string, date: string) => `${name} 已经确认过 ${date} 的值班，不用再发。`,
  confirmNoDuty: (name: string) => `${name} 近期没有要确认的值班。发送 /我的值班 查看您的安排。`,
  confirmNotOn: (name: string, date: string, duty: string) => `${date}的值班是：${duty}，没有 ${name}，不用确认。发送 /我的值班 查看您的安排。`,
  confirmStarted: (date: string) => `${date}的接待已经开始，不用再确认；到了请发 /签到。`,
  confirmCancelled: (date: string) => `${date}的接待日已取消，不用确认。`,
  confirmNotRep: '只有值班的党代表需要确认值班。发送 /我是谁 查看您的身份。',
  confirmNoSession: (date: string, studio: string) => `${studio} ${date}没有接待日。发送 /我的值班 查看您的安排。`,
  partnerConfirmed: (name: string) => `${name}（已确认）`,
  partnerPending: (name: string) => `${name}（未确认）`,

  // ---- the private reminders -----------------------------------------------------------------------------
  reminder: (o: {
    eve: boolean
    studio: string
    date: string
    time: string
    place: string
    partners: string
    confirmed: boolean
    plain: string
    open: string[]
    openMore: number
    openTotal: number
    last?: { date: string; lines: string[] }
  }) =>
    [
      `【值班提醒】${o.eve ? '明天' : '今天'}${o.date} ${o.time} 您在${o.studio}值班（驻室接访）。`,
      `地点：${o.place}`,
      `同班：${o.partners || '无（本场只有您一位）'}`,
      o.confirmed ? '您已确认到岗，谢谢！' : `您还没有确认，请回复：/确认值班 ${o.plain}。来不了请尽快发 /请假 ${o.plain} 或 /代班 ${o.plain} @同事（不得空岗）。`,
      '交接：',
      ...(o.openTotal ? [`本工作室未办结的问题 ${o.openTotal} 件：`, ...o.open, ...(o.openMore ? [`……另有 ${o.openMore} 件，可发 /查询 编号 查看`] : [])] : ['本工作室没有未办结的问题。']),
      ...(o.last ? (o.last.lines.length ? [`上一场（${o.last.date}）登记 ${o.last.lines.length} 件：`, ...o.last.lines] : [`上一场（${o.last.date}）没有登记问题。`]) : []),
      '到了请发 /签到（接待开始前 1 小时起可签）。',
    ].join('\n'),

  // ---- the coordinator's notice --------------------------------------------------------------------------
  unconfirmedNotice: (o: { studio: string; date: string; plain: string; time: string; name: string; duty: string; deadline: string }) =>
    [
      `【值班未确认】${o.studio} ${o.date} ${o.time}：${o.name} 到 ${o.deadline} 还没有确认值班。`,
      `现值班：${o.duty}`,
      `请联系本人；来不了的，可发 /调班 ${o.plain} ${o.name}→<代表> 另行安排。`,
    ].join('\n'),

  // ---- the gap guard -------------------------------------------------------------------------------------
  gapRiskLine: (date: string, time: string, duty: string) => `· ${date} ${time} 现值班：${duty}`,
  gapAtRisk: (names: string) => `  未确认到岗（有空岗风险）：${names}`,
}
