import type { Executor } from '@procura/db';
import { schema } from '@procura/db';
import { eq } from 'drizzle-orm';
import type { SessionUser } from '../auth/load-user.ts';
import { DomainError, notFound } from '../errors.ts';
import { assertJuvenileRecord } from './juvenile-reach.ts';
import { mailboxPathOf } from './schools.ts';

/**
 * The QR code of a school's mailbox as SVG (prints sharp at any size). The link starts with the
 * configured public address (PROCURA_PUBLIC_URL), never with the Host header a request claims:
 * a forged header must not put another site on a poster that children scan.
 */
export async function mailboxQrSvg(
  db: Executor,
  options: { id: number; publicUrl: string | undefined; user: SessionUser },
): Promise<{ svg: string; url: string }> {
  await assertJuvenileRecord(db, options.user, '对接学校');
  const [school] = await db
    .select({ token: schema.partnerSchools.mailboxToken })
    .from(schema.partnerSchools)
    .where(eq(schema.partnerSchools.id, options.id));
  if (!school) throw notFound('对接学校');
  if (!options.publicUrl) {
    throw new DomainError(
      'UNAVAILABLE',
      '未配置平台的对外访问地址（PROCURA_PUBLIC_URL），无法生成信箱二维码，请系统管理员先行配置',
    );
  }
  const url = `${options.publicUrl}${mailboxPathOf(school.token)}`;
  // M: survives a creased poster; margin 2 modules keeps the quiet zone scanners need.
  const { default: QRCode } = await import('qrcode');
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { svg, url };
}
