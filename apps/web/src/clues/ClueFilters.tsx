import { pilFieldOptions } from '../public-interest-fields/options.ts';
import { FilterSelect, ListFilters } from '../shared/ListFilters.tsx';
import type { TClueFilters } from './api.ts';
import { sourceOptions, statusOptions } from './options.ts';

/** Filters of the clue list. */
export function ClueFilters(props: {
  onChange: (filters: TClueFilters) => void;
  showDepartment: boolean;
  handlerOptions: { value: number; label: string }[];
}) {
  return (
    <ListFilters<TClueFilters>
      testIds="clues"
      searchPlaceholder="标题、内容、当事人或身份证号"
      rangeLabel="登记日期"
      {...props}
    >
      <FilterSelect
        name="source"
        placeholder="全部来源"
        label="按来源筛选"
        options={sourceOptions}
        width={150}
        testId="clues-filter-source"
      />
      <FilterSelect
        name="pilField"
        placeholder="全部公益诉讼领域"
        label="按公益诉讼领域筛选"
        options={pilFieldOptions}
        width={170}
        testId="clues-filter-pil-field"
      />
      <FilterSelect
        name="status"
        placeholder="全部状态"
        label="按状态筛选"
        options={statusOptions}
        width={120}
        testId="clues-filter-status"
      />
    </ListFilters>
  );
}
