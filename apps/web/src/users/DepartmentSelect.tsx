import { Select } from 'antd';
import { departmentOptions, useDepartments } from '../departments/api.ts';

type TProps = { id?: string; value?: number | null; onChange?: (value: number | null) => void };

/** Department picker for user forms; clearing it means "no department" (null). */
export function DepartmentSelect({ id, value, onChange }: TProps) {
  const departments = useDepartments();
  return (
    <Select<number | null>
      id={id}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      placeholder="不属于任何部门"
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={departments.isPending}
      options={departmentOptions(departments.data)}
    />
  );
}
