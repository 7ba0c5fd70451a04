import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { SessionUser } from '../auth/load-user.ts';
import { notFound } from '../errors.ts';
import { assertJuvenileRecord } from './juvenile-reach.ts';
import { mailboxPathOf } from './schools.ts';

/**
 * The QR code of a school's mailbox as SVG (prints sharp at any size). `origin` is the address
 * students' phones reach the platform at, as this request saw it.
 */
export async function mailboxQrSvg(
  db: Executor,
  options: { id: number; origin: string; user: SessionUser },
): Promise<{ svg: string; url: string }> {
  await assertJuvenileRecord(db, options.user, '对接学校');
  const [school] = await db
    .select({ token: schema.partnerSchools.mailboxToken })
    .from(schema.partnerSchools)
    .where(eq(schema.partnerSchools.id, options.id));
  if (!school) throw notFound('对接学校');
  const url = `${options.origin}${mailboxPathOf(school.token)}`;
  // M: survives a creased poster; margin 2 modules keeps the quiet zone scanners need.
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { svg, url };
}
