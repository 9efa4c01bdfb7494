import { echoTyped } from '../../domain/privacy/echo-typed.js'

export const common = {
  botName: '连心桥',
  genericError: '抱歉，处理这条消息时出了点问题，已记录。请稍后再试，或联系联络员。',
  unknownRefusal: '这个请求没有办成，什么也没有改动。发送 /帮助 查看命令的用法。',
  unknownCommand: (name: string) => `没有“/${echoTyped(name)}”这个命令。发送 /帮助 查看可用的命令。`,
  didYouMean: (names: string[]) => `您是不是想用：${names.map((n) => `/${n}`).join('、')}？`,
  notAllowed: (cmd: string, need: string) => `“/${cmd}”只有${need}可以使用。发送 /我是谁 查看您的身份。`,
  /** A coordinator or representative of one studio, in another studio's group. */
  otherStudio: (cmd: string, need: string, here: string, own: string) => `“/${cmd}”只有${need}可以使用：这里是${here}的群，您属于${own}，请在${own}的群里或私聊我使用。`,
  groupOnly: (cmd: string) => `“/${cmd}”请在工作室群里使用。`,
  privateOnly: (cmd: string) => `“/${cmd}”只在私聊里使用，请私聊我发送。`,
  unboundRoom: '本群还没有绑定工作室。请联络员在群里发送：/绑定本群 <工作室名称>',
  needStudio: '请在工作室群里使用，或在命令后写上工作室名称。',
  badArgs: (cmd: string, usage: string, example: string) => `格式不对。用法：${usage}\n例如：${example}\n（发送 /帮助 ${cmd} 查看说明）`,
  tooLong: (max: number) => `消息太长（超过 ${max} 字），请分开发送。`,
  roles: { representative: '党代表', coordinator: '联络员', admin: '联络室管理员', anyone: '所有人' } as Record<string, string>,
  roleJoin: (names: string[]) => (names.length > 1 ? `${names.slice(0, -1).join('、')}或${names[names.length - 1]}` : names.join('')),
  roleList: (names: string[]) => names.join('、'),
  listSep: '、',
  weekdays: ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  dateLong: (y: number, m: number, d: number, w: string) => `${y}年${m}月${d}日（${w}）`,
  dateShort: (m: number, d: number, w: string) => `${m}月${d}日（${w}）`,
  none: '无',
  dash: '—',
  resend: '【补发】',
}
