import { SearchOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, type FormInstance, Input, Select, type SelectProps, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { departmentOptions, useDepartments } from '../departments/api.ts';

type TRange = [Dayjs | null, Dayjs | null] | null;
type TValues = Record<string, unknown> & { q?: string; range?: TRange };

/** Form values to query filters: the keyword trimmed, the date range as from/to days, cleared selects left out. */
function toFilters({ q, range, ...rest }: TValues): Record<string, unknown> {
  const [start, end] = range ?? [];
  const filters: Record<string, unknown> = {
    q: q?.trim() || undefined,
    from: start ? start.format('YYYY-MM-DD') : undefined,
    to: end ? end.format('YYYY-MM-DD') : undefined,
  };
  for (const [key, value] of Object.entries(rest)) filters[key] = value ?? undefined;
  return filters;
}

/** One select of a filter bar; it applies as soon as it changes. */
export function FilterSelect(props: {
  name: string;
  placeholder: string;
  label: string;
  options: SelectProps['options'];
  width: number;
  testId?: string;
  loading?: boolean;
  /** Long lists (departments, people) can be searched by typing. */
  searchable?: boolean;
}) {
  return (
    <Form.Item name={props.name}>
      <Select
        placeholder={props.placeholder}
        aria-label={props.label}
        allowClear
        showSearch={props.searchable ? { optionFilterProp: 'label' } : undefined}
        loading={props.loading}
        options={props.options}
        style={{ width: props.width }}
        data-testid={props.testId}
      />
    </Form.Item>
  );
}

/**
 * The filter bar every list shares: keyword (applied on Enter or 查询), the list's own selects,
 * department (for those who see several), handler, date range, 查询 and 重置. Selects apply at once.
 * `testIds` prefixes the test ids (`clues` → clues-search, clues-filter-range…).
 */
export function ListFilters<TFilters>(props: {
  testIds: string;
  searchPlaceholder: string;
  searchWidth?: number;
  /** What the date range filters on, e.g. 登记日期. */
  rangeLabel: string;
  showDepartment: boolean;
  handlerOptions?: { value: number; label: string }[];
  onChange: (filters: TFilters) => void;
  /** A change that others depend on (a case type narrows the stages) can reset them here. */
  onValuesChange?: (changed: TValues, form: FormInstance<TValues>) => void;
  children?: ReactNode;
}) {
  const [form] = Form.useForm<TValues>();
  const departments = useDepartments();
  const { testIds } = props;
  const apply = () => props.onChange(toFilters(form.getFieldsValue()) as TFilters);

  return (
    <Form
      form={form}
      name={`${testIds}-filter`}
      layout="inline"
      style={{ rowGap: 12 }}
      onValuesChange={(changed: TValues) => {
        props.onValuesChange?.(changed, form);
        if (!('q' in changed)) apply();
      }}
    >
      <Form.Item name="q">
        <Input
          placeholder={props.searchPlaceholder}
          aria-label="关键词"
          prefix={<SearchOutlined />}
          allowClear
          onPressEnter={apply}
          onClear={() => setTimeout(apply)}
          style={{ width: props.searchWidth ?? 240 }}
          data-testid={`${testIds}-search`}
        />
      </Form.Item>
      {props.children}
      {props.showDepartment && (
        <FilterSelect
          name="departmentId"
          placeholder="全部部门"
          label="按部门筛选"
          loading={departments.isPending}
          searchable
          options={departmentOptions(departments.data)}
          width={160}
          testId={`${testIds}-filter-department`}
        />
      )}
      {props.handlerOptions && (
        <FilterSelect
          name="handlerId"
          placeholder="全部承办人"
          label="按承办人筛选"
          options={props.handlerOptions}
          searchable
          width={160}
          testId={`${testIds}-filter-handler`}
        />
      )}
      <Form.Item name="range">
        <DatePicker.RangePicker
          placeholder={[`${props.rangeLabel}起`, `${props.rangeLabel}止`]}
          allowEmpty={[true, true]}
          style={{ width: 260 }}
          data-testid={`${testIds}-filter-range`}
        />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" onClick={apply} data-testid={`${testIds}-search-submit`}>
            查询
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              apply();
            }}
          >
            重置
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
