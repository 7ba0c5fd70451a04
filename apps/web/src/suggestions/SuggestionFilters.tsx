import { FilterSelect, ListFilters } from '../shared/ListFilters.tsx';
import type { TSuggestionFilters } from './api.ts';
import { kindOptions, stateOptions } from './options.ts';

/** Filters of the suggestion list. */
export function SuggestionFilters(props: {
  onChange: (filters: TSuggestionFilters) => void;
  showDepartment: boolean;
}) {
  return (
    <ListFilters<TSuggestionFilters>
      testIds="suggestions"
      searchPlaceholder="文号、案号、被建议单位"
      rangeLabel="起草日期"
      {...props}
    >
      <FilterSelect
        name="kind"
        placeholder="全部种类"
        label="按种类筛选"
        options={kindOptions}
        width={130}
        testId="suggestions-filter-kind"
      />
      <FilterSelect
        name="state"
        placeholder="全部状态"
        label="按状态筛选"
        options={stateOptions.map(({ value, label }) => ({ value, label }))}
        width={120}
        testId="suggestions-filter-state"
      />
    </ListFilters>
  );
}
