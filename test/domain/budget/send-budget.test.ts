import { budgetAllows } from '../../../src/domain/budget/send-budget.js'

test.each([
  // used, cap, priority, allowed
  [0, 0, 2, true], // no cap
  [10_000, 0, 2, true],
  [0, 100, 2, true],
  [79, 100, 2, true],
  [80, 100, 2, false], // weekly posts stop at 80 %
  [80, 100, 1, true],
  [89, 100, 1, true],
  [90, 100, 1, false], // corrections stop at 90 %
  [90, 100, 0, true],
  [99, 100, 0, true],
  [100, 100, 0, false], // nothing past the cap
  [3, 3, 0, false],
  [2, 3, 0, true],
  [2, 3, 1, false], // floor(2.7) = 2: priority 1 gets the first 2 sends only
  [1, 3, 1, true],
  [2, 3, 2, false], // floor(2.4) = 2
  [1, 3, 2, true],
])('used %i of %i, priority %i → %s', (used, cap, p, ok) => {
  expect(budgetAllows(used, cap, p as 0 | 1 | 2)).toBe(ok)
})
