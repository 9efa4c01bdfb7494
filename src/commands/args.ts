/**
 * zod building blocks for command arguments. A schema receives `RawArgs` and yields the typed
 * arguments; a refinement that fails with a catalogue message makes that message the reply.
 */
import { z } from 'zod'
import type { RawArgs } from './command.js'

const raw = z.object({ text: z.string(), tokens: z.array(z.string()), mentions: z.array(z.string()) })

/** The raw arguments as they are. */
export const rawArgs = raw as unknown as z.ZodType<RawArgs, RawArgs>

/** No arguments expected (anything after the name is ignored). */
export const noArgs = raw.transform(() => ({})) as unknown as z.ZodType<Record<string, never>, RawArgs>

/** The whole argument text, required non-empty. */
export const textArg = raw.refine((a) => a.text.length > 0).transform((a) => a.text) as unknown as z.ZodType<string, RawArgs>

/** The whole argument text, possibly empty. */
export const optionalText = raw.transform((a) => a.text) as unknown as z.ZodType<string, RawArgs>
