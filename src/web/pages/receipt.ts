/** The constituent's lookup and rating (issue 18, item 3): filled in by a later commit. */
import type { WebRoutes } from '../context.js'

export const receiptRoutes: WebRoutes = () => undefined
