/**
 * The message vocabulary every layer shares, below app and platform: what arrives (`Incoming`), where a
 * message goes (`Target`), and the one shape of a message to send (`OutgoingMessage`), from a command's
 * reply through the durable outbox to the sender.
 */

/** A group (room) or one person (contact), by WeChat id. */
export type Target = { roomId: string } | { contactId: string }

/** One inbound WeChat message, as the adapter hands it over. */
export interface Incoming {
  id: string
  text: string
  talkerId: string
  talkerName: string
  roomId?: string
  /** Contact ids @mentioned in the message, the bot's own excluded. */
  mentions: string[]
  /** The bot itself was @mentioned. */
  mentionsBot?: boolean
  /** A file sent with the message (an attachment): its name, and its content read on demand. */
  file?: { name: string; read(): Promise<Buffer> }
}

/** A message to send. */
export interface OutgoingMessage {
  to: Target
  text: string
  /** Contact ids to @mention (group messages only). */
  mentions?: string[]
  file?: { name: string; data: Buffer }
}

/** A command's reply: an OutgoingMessage whose `to` defaults to the chat the command came from. */
export type ReplyMessage = Omit<OutgoingMessage, 'to'> & { to?: Target }

export type Reply = string | ReplyMessage | ReplyMessage[] | null
