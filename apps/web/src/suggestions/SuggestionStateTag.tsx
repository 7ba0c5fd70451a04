import type { TSuggestion } from '@procura/server/suggestions/schema';
import { Tag } from 'antd';
import { stateOptions } from './options.ts';

export function SuggestionStateTag({ suggestion }: { suggestion: TSuggestion }) {
  const color = stateOptions.find((option) => option.value === suggestion.state)?.color;
  return (
    <Tag color={color} data-testid={`suggestion-state-${suggestion.id}`}>
      {suggestion.stateLabel}
    </Tag>
  );
}
