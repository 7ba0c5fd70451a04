import type { TCaseType } from '@procura/domain/cases/case-types';
import { Form } from 'antd';
import { pilFieldOptions } from '../public-interest-fields/options.ts';
import { FilterSelect, ListFilters } from '../shared/ListFilters.tsx';
import type { TCaseFilters } from './api.ts';
import { caseTypeOptions, stageOptions } from './options.ts';

const openOptions = [
  { value: 'true', label: '办理中' },
  { value: 'false', label: '已办结' },
];

/** Filters of the case list; choosing a case type narrows the stages to its own. */
export function CaseFilters(props: {
  onChange: (filters: TCaseFilters) => void;
  showDepartment: boolean;
  handlerOptions: { value: number; label: string }[];
}) {
  return (
    <ListFilters<TCaseFilters>
      testIds="cases"
      searchPlaceholder="案号或案件名称"
      searchWidth={220}
      rangeLabel="立案日期"
      onValuesChange={(changed, form) => {
        if ('type' in changed) form.setFieldValue('stage', undefined);
      }}
      {...props}
    >
      <FilterSelect
        name="type"
        placeholder="全部案件类型"
        label="按案件类型筛选"
        options={caseTypeOptions()}
        width={170}
        testId="cases-filter-type"
      />
      <StageSelect />
      <FilterSelect
        name="pilField"
        placeholder="全部公益诉讼领域"
        label="按公益诉讼领域筛选"
        options={pilFieldOptions}
        width={170}
        testId="cases-filter-pil-field"
      />
      <FilterSelect
        name="open"
        placeholder="办理状态"
        label="按办理状态筛选"
        options={openOptions}
        width={110}
      />
    </ListFilters>
  );
}

/** The stages of the chosen case type (all stages when none is chosen). */
function StageSelect() {
  const type = Form.useWatch('type', Form.useFormInstance()) as TCaseType | undefined;
  return (
    <FilterSelect
      name="stage"
      placeholder="全部阶段"
      label="按阶段筛选"
      options={stageOptions(type)}
      width={150}
      testId="cases-filter-stage"
    />
  );
}
