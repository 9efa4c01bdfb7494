/** QR codes of the web side's links (npm `qrcode`), as PNG images to send in chat or print. */
import QRCode from 'qrcode'

/** A PNG of `url`, large enough to scan from a phone screen or a printed receipt. */
export function qrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 360 })
}
