/**
 * Issue 14's seeded property test. Constituents' phones, landlines, ID numbers and e-mail addresses are
 * written in many forms (separators of every kind, full width, digits spaced out, zero-width marks, +86,
 * area codes in brackets) into names, 诉求, forms (fields and non-field lines), answers, comments, notes,
 * reasons and corrections, and driven through every group-visible path: the receipt, /待办, /查询 and
 * /我的登记 in a group, the weekly post and the district 督办, corrections, refusals (typo'd numbers) and
 * a crash. Then: no group message shows 7 digits in a row of any of those numbers, nor any full address;
 * no log line (debug level and up) shows them either, nor a constituent's name or address.
 *
 * The check can fail: on the same walk it finds the numbers in the coordinator's private full view. And
 * the two layers hold each on its own: with the sender's gate replaced by the identity, the command-level
 * masking alone still shows nothing (disabling the masker itself, maskGroupText, makes every seed fail:
 * see the report of issue 14).
 *
 * Seeds: PRIVACY_SEED=n runs one seed (a failure prints its seed).
 */
import { Harness } from '../support/harness.js'
import { digitsOnly, showsDigitsOf } from '../../src/domain/privacy/mask-group-text.js'
import { seededRandom } from '../../bench/synthetic.js'

const prng = seededRandom

interface Secrets {
  numbers: string[]
  names: string[]
  addresses: string[]
}

class Gen {
  constructor(readonly rnd: () => number) {}
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.rnd() * (hi - lo + 1))
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rnd() * xs.length)]
  }
  digits(n: number): string {
    let s = ''
    for (let i = 0; i < n; i++) s += String(this.int(0, 9))
    return s
  }
  mobile(): string {
    return `1${this.pick(['3', '5', '7', '8', '9'])}${this.digits(9)}`
  }
  landline(): string {
    return `${this.int(2, 8)}${this.digits(7)}`
  }
  idNumber(): string {
    const body = `${this.pick(['120101', '110105', '370702'])}19${this.int(40, 99)}${String(this.int(1, 12)).padStart(2, '0')}${String(this.int(1, 28)).padStart(2, '0')}${this.digits(3)}`
    return body + (this.rnd() < 0.3 ? 'X' : String(this.int(0, 9)))
  }
  card(): string {
    return `62${this.digits(this.pick([14, 17]))}`
  }
  email(local: string): string {
    return `${local}@${this.pick(['qq.com', '163.com', 'example.cn'])}`
  }
  /** A number written the way people write it. */
  written(n: string, kind: 'mobile' | 'landline' | 'id' | 'card'): string {
    const groups = (sizes: number[]) => {
      const out: string[] = []
      let p = 0
      for (const s of sizes) (out.push(n.slice(p, p + s)), (p += s))
      if (p < n.length) out.push(n.slice(p))
      return out
    }
    const sizes = kind === 'mobile' ? [3, 4, 4] : kind === 'landline' ? [4, 4] : kind === 'id' ? [6, 8, 4] : [4, 4, 4, 4]
    const sep = this.pick([' ', '-', '.', '/', '—', '–', '_', '~', '，', '、', '\u3000', ' - ', '\u200b', '·', '．', '－'])
    const wide = (s: string) => s.replace(/[0-9X]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
    switch (this.int(0, 7)) {
      case 0:
        return n
      case 1:
        return groups(sizes).join(sep)
      case 2:
        return [...n].join(' ')
      case 3:
        return wide(n)
      case 4:
        return wide(groups(sizes).join(sep))
      case 5:
        return kind === 'mobile' ? `+86 ${groups(sizes).join(' ')}` : kind === 'landline' ? `(022)${n}` : groups(sizes).join(sep)
      case 6:
        return kind === 'landline' ? `（０２２）${wide(n)}` : [...n].join('\u200b')
      default:
        return groups(sizes).join(` ${sep} `)
    }
  }
}

const SURNAMES = ['周', '王', '李', '赵', '钱', '孙', '吴', '郑', '欧阳', '司马']
const TITLES = ['大姐', '大爷', '阿姨', '女士', '先生', '师傅']
const PLACES = ['和平里', '幸福小区', '福安大街', '南市花园', '新兴里']

interface Constituent {
  name: string
  mobile: string
  landline: string
  id: string
  card: string
  email: string
  address: string
}

function constituent(g: Gen, i: number): Constituent {
  const building = g.int(1, 30)
  return {
    name: `${g.pick(SURNAMES)}${g.pick(TITLES)}`,
    mobile: g.mobile(),
    landline: g.landline(),
    id: g.idNumber(),
    card: g.card(),
    email: g.email(`resident${i}${g.digits(2)}`),
    address: `${g.pick(PLACES)}${building}号楼${g.int(1, 6)}单元${g.int(1, 6)}0${g.int(1, 4)}`,
  }
}

function secretsOf(cs: Constituent[]): Secrets {
  return {
    numbers: cs.flatMap((c) => [c.mobile, c.landline, c.id.replace('X', ''), c.card]),
    names: cs.map((c) => c.name),
    addresses: cs.map((c) => c.address),
  }
}

/** What a group must never see, and what no log line may hold (`view: 'private'` checks private chats instead). */
function leaks(h: Harness, s: Secrets, view: 'group' | 'private' = 'group'): string[] {
  const out: string[] = []
  const group = h.transport.sent.filter((m) => ('roomId' in m.to) === (view === 'group'))
  for (const m of group) {
    for (const n of s.numbers) if (showsDigitsOf(m.text, n)) out.push(`group shows ${n}: ${m.text.slice(0, 200)}`)
    for (const a of s.addresses) if (m.text.includes(a) || m.text.includes(a.replace(/.*号楼/u, ''))) out.push(`group shows address ${a}: ${m.text.slice(0, 200)}`)
  }
  if (view === 'private') return out
  for (const line of h.log.lines) {
    // The logger's own timestamp (the machine's time, not the test clock) is not data: its digits once
    // matched seven of an ID number's (09:04:00.626 against …194006260744) and failed a run by the clock.
    const l = line.replace(/^\S+ /u, '')
    for (const n of s.numbers) if (showsDigitsOf(l, n)) out.push(`log shows ${n}: ${l.slice(0, 200)}`)
    for (const name of s.names) if (l.includes(name)) out.push(`log shows name ${name}: ${l.slice(0, 200)}`)
    for (const a of s.addresses) if (l.includes(a)) out.push(`log shows address ${a}: ${l.slice(0, 200)}`)
  }
  return out
}

const HP = 'hpl'
const QY = 'qyl'

/** The walk: registrations in both forms, every step, lists, queries, refusals, a crash, the Monday posts. */
async function walk(h: Harness, g: Gen): Promise<Secrets> {
  const cs = Array.from({ length: 6 }, (_, i) => constituent(g, i))
  const w = (c: Constituent) => ({
    mobile: g.written(c.mobile, 'mobile'),
    landline: g.written(c.landline, 'landline'),
    id: g.written(c.id, 'id'),
    card: g.written(c.card, 'card'),
  })
  const content = (c: Constituent) => {
    const x = w(c)
    return g.pick([
      `楼上漏水三天了，物业不管，请联系我${x.mobile}，座机${x.landline}`,
      `补办低保需要证明，身份证号${x.id}，工资卡${x.card}，邮箱${c.email}`,
      `噪音扰民，晚上联系${x.landline}或${x.mobile}，身份证${x.id}`,
    ])
  }
  const ids: string[] = []
  const register = async (who: string, where: string, text: string) => {
    const r = await h.say(who, text, where)
    const id = /已登记(?:并当场答复办结)?：([A-Z]+-\d{4}-\d{4})/.exec(r[0] ?? '')?.[1]
    if (id) ids.push(id)
    return id
  }
  // One-line registrations (the phone in a form the intake parser reads), by a coordinator and a representative.
  for (const [i, c] of cs.slice(0, 3).entries()) {
    const phone = g.pick([c.mobile, `${c.mobile.slice(0, 3)}-${c.mobile.slice(3, 7)}-${c.mobile.slice(7)}`, `${c.mobile.slice(0, 3)} ${c.mobile.slice(3, 7)} ${c.mobile.slice(7)}`])
    await register(i === 1 ? '张明华' : '刘芳', HP, `/登记 ${c.name} ${phone} ${c.address} ${content(c)}`)
  }
  // Pasted forms, with fields in any order, non-field lines, and the numbers in odd forms inside.
  for (const c of cs.slice(3, 5)) {
    const x = w(c)
    const lines = g.pick([0, 1]) === 0
      ? ['/登记', `姓名：${c.name}`, `电话：${c.mobile}`, `地址：${c.address}`, `诉求：${content(c)}`, `值班代表：钱敏`, `身份证：${x.id}`, `备用电话：${x.landline}`]
      : ['/登记', `诉求：${content(c)}`, `联系电话：${c.mobile}`, `家庭住址：${c.address}`, `群众姓名：${c.name}`, `邮箱：${c.email}`, `银行卡：${x.card}`, `当场答复：已告知${x.mobile}的家属`]
    await register('刘芳', HP, lines.join('\n'))
  }
  // Another studio's group too.
  const q = cs[5]
  await register('马俊', QY, `/登记 ${q.name} ${q.mobile} ${q.address} ${content(q)}`)

  // Steps with free texts that carry the numbers again.
  const [a, b, c2] = ids
  const x = w(cs[0])
  await h.say('刘芳', `/转办 ${a} 区房管局`, HP)
  await h.say('刘芳', `/答复 ${a} 已联系群众${x.mobile}，身份证${x.id}核实，邮箱 ${cs[0].email}`, HP)
  await h.say('刘芳', `/联系 ${a} 未联系上 打${w(cs[0]).landline}无人接听`, HP)
  await h.say('刘芳', `/反馈 ${a} 不满意 还漏，请再联系${w(cs[0]).mobile}！`, HP)
  await h.say('刘芳', `/延期 ${a} 10 需协调，群众电话${w(cs[0]).mobile}`, HP)
  await h.say('刘芳', `/更正 ${b} 诉求：改为联系家属${w(cs[1]).mobile}，身份证${w(cs[1]).id} 理由：群众来电${w(cs[1]).landline}`, HP)
  await h.say('刘芳', `/更正 ${b} 电话：${cs[1].mobile.slice(0, 10)}`, HP) // a typo: refused
  await h.say('刘芳', `/转办 ${c2} 区教育局`, HP)
  await h.say('刘芳', `/答复 ${c2} 已答复，回电${w(cs[2]).mobile}`, HP)
  await h.say('刘芳', `/反馈 ${c2} 满意！谢谢，${w(cs[2]).landline}`, HP)

  // Refusals that would echo a typo'd number.
  await h.say('刘芳', `/登记 ${cs[0].name} ${cs[0].mobile.slice(0, 10)} ${content(cs[0])}`, HP)
  await h.say('刘芳', `/登记\n姓名：${cs[1].name}\n电话：${cs[1].mobile}${g.int(0, 9)}\n诉求：${content(cs[1])}`, HP)
  await h.say('刘芳', `/查询 ${cs[2].mobile}`, HP)
  await h.say('刘芳', `/转办 ${a} ${cs[2].id}`, HP)
  await h.say('刘芳', `/反馈 ${a} ${cs[3].mobile}`, HP)
  await h.say('刘芳', `/${cs[4].mobile}`, HP)
  await h.say('张明华', `/延期 ${a} ${cs[4].landline} 理由`, HP)

  // A crash (disk full) while answering: the generic line in the group, the log without the text.
  const apply = h.app.deps.issues.apply.bind(h.app.deps.issues)
  h.app.deps.issues.apply = (async () => {
    throw new Error('ENOSPC: no space left on device, write')
  }) as never
  await h.say('刘芳', `/答复 ${b} 已联系${cs[1].name}，电话${w(cs[1]).mobile}，住${cs[1].address}`, HP)
  h.app.deps.issues.apply = apply

  // Lists and records in the groups.
  await h.say('刘芳', '/待办', HP)
  await h.say('张明华', '/我的登记', HP)
  for (const id of ids) await h.say('刘芳', `/查询 ${id}`, HP)
  // The coordinator's private view is the full record: the check must see the numbers there.
  for (const id of ids) await h.say('刘芳', `/查询 ${id}`, 'private')
  await h.say('马俊', '/待办', QY)
  // Four weeks on, a Monday: the weekly posts (overdue lines) and the district 督办 (escalated lines).
  await h.advanceTo('2027-01-04T09:00:00+08:00')
  return secretsOf(cs)
}

const seeds = process.env.PRIVACY_SEED ? [Number(process.env.PRIVACY_SEED)] : [1, 2, 3, 4, 5, 6]

describe('no constituent number, ID or address in any group message or log line', () => {
  test.each(seeds)('seed %i', async (seed) => {
    const h = await Harness.start({ now: '2026-12-07T09:30:00+08:00' })
    try {
      const secrets = await walk(h, new Gen(prng(seed)))
      const group = h.transport.sent.filter((m) => 'roomId' in m.to)
      // The walk did reach the paths it claims to.
      const all = group.map((m) => m.text).join('\n')
      for (const mark of ['已登记', '待办', '办理经过', '【每周跟进】', '【督办', '电话号码位数不对', '抱歉']) expect(all).toContain(mark)
      const found = leaks(h, secrets)
      if (found.length) throw new Error(`seed ${seed} (PRIVACY_SEED=${seed} to replay):\n${found.slice(0, 10).join('\n')}`)
    } finally {
      await h.close()
    }
  })

  test('the check can fail: it finds the numbers in the private full record of the same walk', async () => {
    const h = await Harness.start({ now: '2026-12-07T09:30:00+08:00' })
    try {
      const secrets = await walk(h, new Gen(prng(seeds[0])))
      expect(leaks(h, secrets, 'private').length).toBeGreaterThan(0)
    } finally {
      await h.close()
    }
  })

  test('with the sender gate replaced by the identity, the command-level masking alone holds too', async () => {
    for (const seed of seeds.slice(0, 2)) {
      const h = await Harness.start({ now: '2026-12-07T09:30:00+08:00', groupGate: (t) => t })
      try {
        const secrets = await walk(h, new Gen(prng(seed)))
        expect(leaks(h, secrets).filter((l) => l.startsWith('group'))).toEqual([])
      } finally {
        await h.close()
      }
    }
  })

  test('the number forms are what they claim: digitsOnly reads the digits back through every separator', () => {
    const g = new Gen(prng(7))
    for (let i = 0; i < 200; i++) {
      const n = g.mobile()
      const written = g.written(n, 'mobile')
      expect(digitsOnly(written).replace(/\|/g, '')).toContain(n.slice(3))
    }
  })
})
