import type { TCaseDetail } from '@procura/server/cases/schema';
import { Timeline, Typography } from 'antd';
import { formatDateTime } from '../shared/dates.ts';

const colors: Record<string, string> = {
  caseOpened: 'green',
  stageChanged: 'blue',
  outcomeRecorded: 'green',
  terminationDecision: 'red',
  closureDecision: 'gray',
};

/** Every event of the case: when, who, what (in Chinese), oldest first. */
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
              · {event.actor} · {formatDateTime(event.at)}
            </Typography.Text>
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
