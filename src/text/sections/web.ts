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
  portFallback: (port: number) => `（${port} 端口已被占用，演示改用了一个空闲端口）`,
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

  /** Who a constituent's web rating is recorded as (the history's "by"). */
  constituentActor: '群众（网页回访）',

  // ---- the department's work order (/w/<token>) -----------------------------------------------------------
  work: {
    title: (id: string) => `工单 ${id}`,
    subtitle: (department: string) => `${department} 承办工单`,
    voidLink: '这个工单链接已失效：问题可能已办结、已退单或已改转其他单位，也可能链接不完整。如需继续办理，请向工作室联络员索取新链接。',
    fields: {
      id: '编号',
      studio: '工作室',
      date: '登记日期',
      who: '反映人',
      address: '地址',
      content: '反映内容',
      category: '类别',
      department: '承办单位',
      deadline: '答复期限',
      status: '状态',
      answers: '答复',
      history: '办理经过',
    },
    masked: '（群众联系方式已按规定隐去，需要时请联系工作室联络员）',
    statusLine: {
      waitingSign: '待签收',
      signed: (when: string) => `已签收（${when}）`,
      answered: '已答复，等待群众评价',
      pendingExtension: (days: number) => `已申请延期 ${days} 个工作日，待联络员审批`,
    },
    sign: { title: '签收', hint: '确认本单位承办此件（签收后开始计算响应时间）。', button: '签收' },
    answer: { title: '答复', label: '答复内容（群众将看到答复，请写明办理结果）', button: '提交答复' },
    extend: {
      title: '申请延期',
      days: (max: number) => `延期工作日数（1–${max}）`,
      reason: '理由',
      button: '申请延期',
      once: '每次办理只能申请一次延期，由工作室联络员审批。',
    },
    giveBack: { title: '退单', hint: '不属于本单位职责时退回工作室，由联络员重新转办。', reason: '退单理由（应由哪个单位办理、为什么）', button: '退单' },
    done: {
      sign: '已签收。请在期限内答复。',
      answer: '答复已提交，工作室会回访群众。谢谢！',
      extend: '延期申请已提交，联络员审批后会通知。',
      return: '已退单，工作室联络员会重新转办。此链接已失效。',
    } as Record<string, string>,
    badDays: (max: number) => `延期工作日数请填 1 到 ${max} 之间的整数。`,
  },

  // ---- chat messages about work orders ---------------------------------------------------------------
  chat: {
    linkPrivately: '工单链接和二维码已私信发给您，请转给承办单位（不要发到群里）。',
    workOrderLink: (id: string, department: string, url: string, deadline: string) =>
      `【工单】${id} 已转办 ${department}，答复期限 ${deadline}。\n请把下面的链接（或随后的二维码图片）转给承办单位经办人，对方可在手机上签收、答复、申请延期或退单：\n${url}\n链接只对这一次转办有效；办结、退单或改转其他单位后自动失效。作废可发 /作废工单 ${id}。`,
    qrName: (id: string) => `工单-${id}.png`,
    signed: (id: string, department: string) => `【工单】${id}：${department} 已签收。`,
    answered: (id: string, department: string, round: number, text: string) =>
      `【工单】${id}：${department} 已答复（第 ${round} 次办理）：\n${text}\n请回访群众后 /反馈 ${id} 满意|基本满意|不满意（也可请群众用回执自行评价）。`,
    extendRequested: (id: string, department: string, days: number, reason: string) =>
      `【工单】${id}：${department} 申请延期 ${days} 个工作日，理由：${reason}\n同意请发 /同意延期 ${id}，不同意请发 /驳回延期 ${id} [理由]。`,
    returned: (id: string, department: string, reason: string) =>
      `【工单】${id}：${department} 退单，理由：${reason}\n请重新 /转办 ${id} <承办单位>。`,
    voided: (id: string, n: number) => (n > 0 ? `已作废 ${id} 的工单链接，原链接不能再打开。需要时重新 /转办 或发 /工单链接 ${id} 生成新链接。` : `${id} 没有有效的工单链接。`),
    noPendingRequest: (id: string) => `${id} 没有待审批的延期申请。`,
    extensionApproved: (id: string, days: number, deadline: string) => `已同意 ${id} 延期 ${days} 个工作日，新的答复期限 ${deadline}。承办单位的工单页会显示新期限。`,
    extensionDeclined: (id: string) => `已驳回 ${id} 的延期申请，答复期限不变。承办单位的工单页会显示。`,
    notTransferred: (id: string) => `${id} 现在没有转办给承办单位，没有工单链接可发。请先 /转办。`,
    receipt: (id: string, url: string) =>
      `【回执】${id}\n群众可扫码或打开 ${url}\n输入编号和登记电话的后 4 位，查看办理进度；答复后可在网页上评价是否解决、是否满意。`,
    receiptPrivately: '回执链接和二维码已私信发给您，可转发给群众或打印。',
    receiptName: (id: string) => `回执-${id}.png`,
    receiptNoPhone: (id: string) => `${id} 登记时没有留电话，群众无法凭电话后 4 位查询；可 /更正 ${id} 电话：<号码> 后再发 /回执。`,
    rated: (id: string, solved: boolean, rating: string) => `【回访】${id}：群众在网页上评价：${solved ? '已解决' : '未解决'}，${rating}。`,
    ratedReopened: (id: string, round: number) => `【回访】${id}：群众不满意，已转入第 ${round} 次办理。`,
  },
  cmd: {
    approve: { summary: '同意承办单位的延期申请（联络员）', usage: '/同意延期 <编号>', example: '/同意延期 HP-2026-0001' },
    decline: { summary: '驳回承办单位的延期申请（联络员）', usage: '/驳回延期 <编号> [理由]', example: '/驳回延期 HP-2026-0001 可在期限内办完' },
    voidLink: { summary: '作废某件问题的工单链接（联络员）', usage: '/作废工单 <编号>', example: '/作废工单 HP-2026-0001' },
    newLink: { summary: '重新生成工单链接和二维码（原链接作废，联络员，私聊发给您）', usage: '/工单链接 <编号>', example: '/工单链接 HP-2026-0001' },
    receipt: { summary: '群众查询回执：链接和二维码，可转发或打印（联络员、登记人，私聊发给您）', usage: '/回执 <编号>', example: '/回执 HP-2026-0001' },
  },

  // ---- the constituent's lookup (/q) ----------------------------------------------------------------------
  home: {
    title: '连心桥 网页端',
    intro: '党代表工作室的群众诉求办理页面。这里不显示任何人的信息；请按您的身份使用下面的入口。',
    constituent: { title: '群众：查询办理进度', text: '凭回执上的编号和登记时所留电话的后 4 位，查看办理进度；答复后可以评价是否解决、是否满意。', link: '查询办理进度' },
    department: { title: '承办单位：处理工单', text: '请打开联络员转来的工单链接（或扫描工单二维码），在手机上签收、答复、申请延期或退单。链接只对那一次转办有效。' },
    office: { title: '联络室、联络员：后台', text: '请在微信里私聊连心桥机器人发 /后台，机器人会发给您一次性登录链接（10 分钟内有效）。' },
  },
  lookup: {
    title: '办理进度查询',
    intro: '请输入回执上的编号和您登记时所留电话的后 4 位。',
    id: '编号（如 HP-2026-0001）',
    last4: '电话后 4 位',
    button: '查询',
    notMatched: '编号或电话后 4 位不对，请核对回执后重试。多次输错会暂时锁定。',
    locked: '这个编号查询次数太多，已暂时锁定，请一小时后再试，或联系工作室。',
    progress: '办理进度',
    status: {
      registered: '已登记，正在转交承办单位',
      transferred: (department: string) => `已转 ${department} 办理`,
      answered: '已答复，请您评价',
      rated: '已评价，谢谢您的反馈',
      archived: '已办结归档',
      closed_on_spot: '已当场答复办结',
      withdrawn: '已撤销',
    },
    deadline: (date: string) => `答复期限：${date}`,
    answers: '答复',
    rate: {
      title: '评价',
      solved: '问题是否解决',
      solvedYes: '已解决',
      solvedNo: '未解决',
      rating: '是否满意',
      comment: '意见（可不填）',
      button: '提交评价',
      needSolved: '请选择问题是否解决。',
      needRating: '请选择满意、基本满意或不满意。',
      thanks: '评价已提交，谢谢您！',
      reopened: '已记录您的意见，问题将重新办理，办理结果会再次答复您。',
    },
    yourRating: (solved: boolean | undefined, rating: string) => `您的评价：${solved === undefined ? '' : solved ? '已解决，' : '未解决，'}${rating}`,
  },
}
