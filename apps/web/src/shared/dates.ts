import dayjs from 'dayjs';

export function formatDate(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD') : '—';
}

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—';
}

const chinaDayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The China calendar day ('YYYY-MM-DD') of an instant, whatever the browser's time zone. */
export function chinaDay(iso: string): string {
  return chinaDayFormat.format(new Date(iso));
}
