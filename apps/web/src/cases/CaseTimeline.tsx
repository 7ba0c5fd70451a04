import type { TCaseDetail } from '@procura/server/cases/schema';
import { Tag, Timeline, Typography } from 'antd';
import { formatDateTime } from '../shared/dates.ts';

const colors: Record<string, string> = {
  caseOpened: 'green',
  stageChanged: 'blue',
  outcomeRecorded: 'green',
  terminationDecision: 'red',
  closureDecision: 'gray',
};

/**
 * Every event of the case: when, who, what (in Chinese), oldest first. An event known only by its
 * day shows the day without a time; a 补录 shows when it was entered and why.
 */
export function CaseTimeline({ timeline }: { timeline: TCaseDetail['timeline'] }) {
  return (
    <Timeline
      data-testid="case-timeline"
      items={timeline.map((event) => ({
        key: event.id,
        color: colors[event.kind] ?? 'blue',
        content: (
          <div data-testid="case-event">
            <Typography.Text strong>{event.label}</Typography.Text>
            <Typography.Text type="secondary">
              {' '}
              · {event.actor} · {event.day ?? formatDateTime(event.at)}
            </Typography.Text>
            {event.lateEntryReason && (
              <Typography.Paragraph type="warning" style={{ margin: 0 }} data-testid="case-event-late-entry">
                <Tag color="orange">补录</Tag>于 {formatDateTime(event.at)} 补录：{event.lateEntryReason}
              </Typography.Paragraph>
            )}
            {event.note && (
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                {event.note}
              </Typography.Paragraph>
            )}
          </div>
        ),
      }))}
    />
  );
}
