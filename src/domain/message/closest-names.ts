/**
 * "Did you mean" for an unknown command: known names within a small edit distance, or sharing a
 * character with it (Chinese names are short: 请假 vs 请个假).
 */
export function closestNames(name: string, names: readonly string[], max = 3): string[] {
  const scored = names
    .map((n) => ({ n, d: distance(name, n) }))
    // Within the edit budget, but not a total rewrite: any one-character input is one substitution
    // away from a one-character alias such as `?`, which has nothing in common with it.
    .filter(({ n, d }) => (d <= Math.max(1, Math.floor(n.length / 2)) && d < Math.max([...name].length, [...n].length)) || sharesEnough(name, n))
    .sort((a, b) => a.d - b.d || a.n.localeCompare(b.n))
  return scored.slice(0, max).map((x) => x.n)
}

/**
 * Chinese characters in common with the name, at least half of the shorter one (`请个假` and 请假 share
 * both of 请假's; `乱码命令` and 绑定码 share only 码 of three: not similar).
 */
function sharesEnough(typed: string, name: string): boolean {
  const shared = new Set([...typed].filter((ch) => /\p{Script=Han}/u.test(ch) && name.includes(ch))).size
  return shared > 0 && shared >= Math.ceil(Math.min([...typed].length, [...name].length) / 2)
}

function distance(a: string, b: string): number {
  const A = [...a]
  const B = [...b]
  const row = Array.from({ length: B.length + 1 }, (_, j) => j)
  for (let i = 1; i <= A.length; i++) {
    let prev = row[0]
    row[0] = i
    for (let j = 1; j <= B.length; j++) {
      const cur = row[j]
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (A[i - 1] === B[j - 1] ? 0 : 1))
      prev = cur
    }
  }
  return row[B.length]
}
