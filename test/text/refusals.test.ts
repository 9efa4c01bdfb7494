/** Refusals carry a code and its parameters; the words come from the catalogue entry of that code. */
import { refuse, refusalText, hasWording } from '../../src/text/refusals.js'
import { UserError, refusalIn } from '../../src/messages/user-error.js'
import { zh } from '../../src/text/zh-CN.js'

describe('refusals', () => {
  test('a code with parameters reads as its catalogue entry called with them', () => {
    const e = refuse('issues.notFound', 'HP-2026-0007')
    expect(e).toBeInstanceOf(UserError)
    expect(e.code).toBe('issues.notFound')
    expect(e.params).toEqual(['HP-2026-0007'])
    expect(refusalText(e)).toBe(zh.issues.notFound('HP-2026-0007'))
  })

  test('a code whose entry is a plain string', () => {
    expect(refusalText(refuse('common.unboundRoom'))).toBe(zh.common.unboundRoom)
  })

  test('codes from a domain result (a map of wordings) resolve to their entry', () => {
    const e = refuse('issues.action.extension_too_long', { value: 20, max: 15 })
    expect(refusalText(e)).toBe(zh.issues.action.extension_too_long({ value: 20, max: 15 }))
  })

  test('a code the catalogue lacks reads as the general refusal, in Chinese, never the code', () => {
    const e = new UserError('issues.action.no_such_code', [{}])
    expect(hasWording(e.code)).toBe(false)
    expect(refusalText(e)).toBe(zh.common.unknownRefusal)
    expect(refusalText(e)).not.toContain('no_such_code')
  })

  test('the refusal an argument schema left in a zod issue is found again', () => {
    const e = refuse('swaps.needReason')
    expect(refusalIn([{ code: 'invalid_type' }, { code: 'custom', params: { refusal: e } }])).toBe(e)
    expect(refusalIn([{ code: 'custom', message: 'x' }])).toBeUndefined()
  })
})
