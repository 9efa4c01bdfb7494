/** The department's work order (issue 18, item 2): filled in by the next commit. */
import type { WebRoutes } from '../context.js'

export const workOrderRoutes: WebRoutes = () => undefined
