export const help = {
  mentionHint: '您好，我是连心桥。发送 /帮助 查看我能做什么。',
  header: (who: string) => `连心桥 · 可用命令（${who}）：`,
  line: (usage: string, summary: string, example: string) => `${usage}\n  ${summary}\n  例：${example}`,
  footer: '发送“/帮助 命令名”查看某个命令的详细说明。',
  one: (usage: string, summary: string, example: string, details: string | undefined, who: string, aliases: string[]) =>
    [`${usage}`, summary, details, `谁可以用：${who}`, aliases.length ? `也可以写：${aliases.map((a) => '/' + a).join('、')}` : undefined, `例：${example}`]
      .filter(Boolean)
      .join('\n'),
  unknown: (name: string) => `没有“${name}”这个命令。发送 /帮助 查看全部命令。`,
  guest: '访客',
  cmd: {
    summary: '列出您可以使用的命令，或说明某个命令',
    usage: '/帮助 [命令名]',
    example: '/帮助 登记',
  },
}

export const identity = {
  whoami: {
    summary: '查看机器人认为您是谁（身份、工作室、绑定方式）',
    usage: '/我是谁',
    example: '/我是谁',
  },
  bind: {
    summary: '用联络室发给您的一次性绑定码绑定身份（联络员、管理员须这样绑定）',
    usage: '/绑定 <绑定码>',
    example: '/绑定 482913',
    details: '绑定码由管理员私聊发送“/绑定码 姓名”生成，或在服务器上运行 npm run bind-code -- 姓名，24 小时内有效，用一次作废。',
  },
  bindCode: {
    summary: '为某人生成一次性绑定码（管理员）',
    usage: '/绑定码 <姓名或人员编号>',
    example: '/绑定码 刘芳',
  },
  bindRoom: {
    summary: '把本群绑定为某工作室的群（本工作室联络员或管理员，在群里发送）',
    usage: '/绑定本群 <工作室名称>',
    example: '/绑定本群 和平里工作室',
    details: '联络室的群写“/绑定本群 联络室”。',
  },
  unknownPerson: '我还不认识您。代表请在本工作室群里把群昵称改成名册上的姓名并发一条命令，由联络员确认；联络员和管理员请私聊发送 /绑定 <绑定码>。',
  confirmBind: {
    summary: '确认群里自称某代表的微信确是本人（联络员、管理员）',
    usage: '/确认绑定 <编号>',
    example: '/确认绑定 4821',
    details: '有人在工作室群里用代表的姓名作群昵称发命令时，机器人私聊本工作室联络员一个编号；确认后此微信才有代表权限。',
  },
  refuseBind: {
    summary: '拒绝群里自称某代表的微信（联络员、管理员）',
    usage: '/拒绝绑定 <编号>',
    example: '/拒绝绑定 4821',
  },
  unbind: {
    summary: '解除某人与微信的绑定（联络员解本工作室的，管理员解任何人的）',
    usage: '/解绑 <姓名或人员编号>',
    example: '/解绑 张明华',
    details: '解绑后此人需重新确认（代表）或用绑定码（联络员、管理员）。配置文件里写了 wechatId 的，请改配置文件。',
  },
  claimAsk: (o: { nickname: string; name: string; unit: string; position: string; studio: string; n: number; boundElsewhere: boolean }) =>
    [
      `【请确认身份】${o.studio}群里，微信用户（群昵称“${o.nickname}”）自称 ${o.name}（${o.unit}${o.position ? ' ' + o.position : ''}）。`,
      o.boundElsewhere ? `${o.name} 现已绑定另一个微信；确认即改绑到这个微信。` : undefined,
      `是本人请发：/确认绑定 ${o.n}`,
      `不是本人请发：/拒绝绑定 ${o.n}`,
      '确认之前，此微信没有任何权限。',
    ]
      .filter((l) => l !== undefined)
      .join('\n'),
  nameCopied: (nickname: string, name: string, studio: string) =>
    `【提醒】${studio}群里有一个微信用群昵称“${nickname}”发命令，但 ${name} 登记的是另一个微信，它不是本人，没有任何权限。如有人冒用，请在群里提醒大家。`,
  claimWaiting: (name: string) => `您的微信还没有确认为 ${name}，已请本工作室联络员确认；确认后即可使用。`,
  claimNotFound: (n: string) => `没有待确认的绑定 ${n}（可能已处理、已过期，或机器人重启过）。请让本人在工作室群里再发一次命令。`,
  claimNotYours: '这条绑定请求不是您工作室的，请由该工作室联络员或管理员处理。',
  claimConfirmed: (nickname: string, name: string) => `已确认：群昵称“${nickname}”的微信是 ${name}，现有党代表权限。`,
  claimRefused: (nickname: string, name: string) => `已拒绝：群昵称“${nickname}”的微信不是 ${name}，它仍没有任何权限，也不会再为此打扰您。`,
  claimNumber: '编号是 4 位数字，见机器人私聊给您的确认请求。例：/确认绑定 4821',
  unbound: (name: string) => `已解除 ${name} 与微信的绑定。`,
  notBound: (name: string) => `${name} 没有绑定微信。`,
  boundByConfig: (name: string) => `${name} 的微信写在配置文件里（wechatId），请修改配置文件后重启。`,
  unbindNotYours: '您只能解绑本工作室的人；管理员的绑定只有管理员能解。',
  you: (name: string, unit: string, position: string, roles: string, studio: string, via: string) =>
    `您是：${name}（${unit}${position ? ' ' + position : ''}）\n身份：${roles}\n工作室：${studio}\n绑定方式：${via}`,
  via: { config: '配置文件登记的微信号', code: '一次性绑定码', name: '群昵称与名册一致，联络员已确认（仅代表权限）' } as Record<string, string>,
  roomIs: (studio: string) => `本群：${studio}`,
  roomUnbound: '本群：尚未绑定工作室',
  codeBad: '绑定码不对或已过期。请向联络室索取新的绑定码（有效期 24 小时）。',
  codeFormat: '绑定码是 6 位数字。例：/绑定 482913',
  codeLocked: (minutes: number) => `绑定码输错次数太多，请 ${minutes} 分钟后再试，或联系联络室重新获取绑定码。`,
  alertLocked: (limit: number) => `【安全提醒】有一个微信在 1 小时内输错绑定码 ${limit} 次，已暂停它的 /绑定 1 小时。如非本人误输，可能有人在猜绑定码。`,
  alertVoided: (names: string, tries: number) => `【安全提醒】绑定码累计被输错 ${tries} 次，已作废以下人员的绑定码：${names}。请重新生成（/绑定码 姓名）并当面交给本人。`,
  bound: (name: string, roles: string) => `绑定成功：您是 ${name}，身份：${roles}。`,
  codeMade: (name: string, code: string) => `${name} 的绑定码：${code}（24 小时内有效，用一次作废）。请让本人私聊机器人发送：/绑定 ${code}`,
  personNotFound: (q: string) => `名册里没有“${q}”。请写姓名或人员编号（见配置文件 people）。`,
  personAmbiguous: (q: string, list: string) => `名册里有多位“${q}”：${list}。请写人员编号。`,
  studioNotFound: (q: string, list: string) => `没有找到工作室“${q}”。现有：${list}`,
  studioAmbiguous: (q: string, list: string) => `“${q}”可能是：${list}，请写全称。`,
  roomBound: (studio: string) => `本群已绑定为：${studio}。以后接待日安排、值班公告和周报都会发到这里。`,
  liaisonName: '党代表联络室',
  /** What people write for the liaison office's group in /绑定本群 and the demo's :in. */
  liaisonWords: ['联络室', '党代表联络室'],
  /** Suffixes people leave out when naming a studio (和平里 for 和平里工作室). */
  studioSuffix: /(党代表)?工作[室站]$/u,
  personChoice: (name: string, unit: string, id: string) => `${name}（${unit}，编号 ${id}）`,
  choiceSep: '；',
  notYourStudio: '您只能绑定自己工作室的群。',
}
