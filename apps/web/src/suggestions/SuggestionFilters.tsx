import { SearchOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { departmentOptions, useDepartments } from '../departments/api.ts';
import type { TSuggestionFilters } from './api.ts';
import { kindOptions, stateOptions } from './options.ts';

type TValues = Omit<TSuggestionFilters, 'from' | 'to'> & { range?: [Dayjs | null, Dayjs | null] | null };

function toFilters({ q, range, ...rest }: TValues): TSuggestionFilters {
  const [start, end] = range ?? [];
  return {
    q: q?.trim() || undefined,
    kind: rest.kind ?? undefined,
    state: rest.state ?? undefined,
    departmentId: rest.departmentId ?? undefined,
    from: start ? start.format('YYYY-MM-DD') : undefined,
    to: end ? end.format('YYYY-MM-DD') : undefined,
  };
}

/** Filters of the suggestion list; selects apply at once, the keyword on Enter or 查询. */
export function SuggestionFilters({
  onChange,
  showDepartment,
}: {
  onChange: (filters: TSuggestionFilters) => void;
  showDepartment: boolean;
}) {
  const [form] = Form.useForm<TValues>();
  const departments = useDepartments();
  const apply = () => onChange(toFilters(form.getFieldsValue()));

  return (
    <Form
      form={form}
      name="suggestion-filter"
      layout="inline"
      style={{ rowGap: 12 }}
      onValuesChange={(changed: TValues) => {
        if (!('q' in changed)) apply();
      }}
    >
      <Form.Item name="q">
        <Input
          placeholder="文号、案号、被建议单位"
          aria-label="关键词"
          prefix={<SearchOutlined />}
          allowClear
          onPressEnter={apply}
          onClear={() => setTimeout(apply)}
          style={{ width: 240 }}
          data-testid="suggestions-search"
        />
      </Form.Item>
      {showDepartment && (
        <Form.Item name="departmentId">
          <Select
            placeholder="全部部门"
            aria-label="按部门筛选"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={departments.isPending}
            options={departmentOptions(departments.data)}
            style={{ width: 160 }}
            data-testid="suggestions-filter-department"
          />
        </Form.Item>
      )}
      <Form.Item name="kind">
        <Select
          placeholder="全部种类"
          aria-label="按种类筛选"
          allowClear
          options={kindOptions}
          style={{ width: 130 }}
          data-testid="suggestions-filter-kind"
        />
      </Form.Item>
      <Form.Item name="state">
        <Select
          placeholder="全部状态"
          aria-label="按状态筛选"
          allowClear
          options={stateOptions.map(({ value, label }) => ({ value, label }))}
          style={{ width: 120 }}
          data-testid="suggestions-filter-state"
        />
      </Form.Item>
      <Form.Item name="range">
        <DatePicker.RangePicker
          placeholder={['起草日期起', '起草日期止']}
          allowEmpty={[true, true]}
          style={{ width: 260 }}
          data-testid="suggestions-filter-range"
        />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" onClick={apply} data-testid="suggestions-search-submit">
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
