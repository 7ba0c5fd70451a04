import type { TSuggestion } from '@procura/server/suggestions/schema';
import { Alert, Flex, Tag, Tooltip, Typography } from 'antd';
import { useSuggestionDeadlines } from './api.ts';
import { deadlineColors } from './options.ts';

/**
 * The reply due date with its state; with `explain`, how the engine computed it (its legal basis
 * on hover) and its warnings. The chained decision on suit is on the case's 期限 card.
 */
export function ReplyDeadline({ suggestion, explain }: { suggestion: TSuggestion; explain?: boolean }) {
  const deadlines = useSuggestionDeadlines(suggestion.id, Boolean(explain && suggestion.deliveredOn));
  if (!suggestion.replyDue) return <Typography.Text type="secondary">送达后起算</Typography.Text>;
  return (
    <Flex vertical gap={4} data-testid={`suggestion-reply-due-${suggestion.id}`}>
      <span>
        {suggestion.replyDue}
        {suggestion.replyStatus && (
          <Tag color={deadlineColors[suggestion.replyStatus]} style={{ marginInlineStart: 8 }}>
            {suggestion.replyStatusLabel}
          </Tag>
        )}
      </span>
      {explain &&
        deadlines.data?.items
          .filter((deadline) => deadline.due && deadline.limitId.endsWith('SuggestionReply'))
          .map((deadline) => (
            <Flex vertical gap={2} key={deadline.id} data-testid={`suggestion-deadline-${deadline.id}`}>
              <Tooltip title={`依据：${deadline.basis.citation}`}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {deadline.explanation}
                </Typography.Text>
              </Tooltip>
              {deadline.warnings.map((warning) => (
                <Alert
                  key={warning}
                  type="warning"
                  showIcon
                  title={warning}
                  data-testid="suggestion-deadline-warning"
                />
              ))}
            </Flex>
          ))}
    </Flex>
  );
}
