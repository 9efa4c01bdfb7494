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
  unknownPerson: '我还不认识您。代表在本工作室群里的群昵称与名册姓名一致即可自动识别；联络员和管理员请私聊发送 /绑定 <绑定码>。',
  you: (name: string, unit: string, position: string, roles: string, studio: string, via: string) =>
    `您是：${name}（${unit}${position ? ' ' + position : ''}）\n身份：${roles}\n工作室：${studio}\n绑定方式：${via}`,
  via: { config: '配置文件登记的微信号', code: '一次性绑定码', name: '群昵称与名册一致（仅代表权限）' } as Record<string, string>,
  roomIs: (studio: string) => `本群：${studio}`,
  roomUnbound: '本群：尚未绑定工作室',
  codeBad: '绑定码不对或已过期。请向联络室索取新的绑定码（有效期 24 小时）。',
  codeFormat: '绑定码是 6 位数字。例：/绑定 482913',
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
