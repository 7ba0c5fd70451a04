/** The calendar day in China ('YYYY-MM-DD') of an instant: deadlines are counted in China's days. */
export function chinaDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

export const todayInChina = () => chinaDate(new Date());
