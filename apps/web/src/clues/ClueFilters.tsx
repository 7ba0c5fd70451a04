import { SearchOutlined } from '@ant-design/icons';
import type { TClueSource, TClueStatus } from '@procura/domain/cases/clue-sources';
import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { departmentOptions, useDepartments } from '../departments/api.ts';
import type { TClueFilters } from './api.ts';
import { sourceOptions, statusOptions } from './options.ts';

type TValues = {
  q?: string;
  source?: TClueSource;
  status?: TClueStatus;
  departmentId?: number;
  handlerId?: number;
  range?: [Dayjs | null, Dayjs | null] | null;
};

type TProps = {
  onChange: (filters: TClueFilters) => void;
  showDepartment: boolean;
  handlerOptions: { value: number; label: string }[];
};

function toFilters({ q, range, ...rest }: TValues): TClueFilters {
  const [start, end] = range ?? [];
  return {
    q: q?.trim() || undefined,
    source: rest.source ?? undefined,
    status: rest.status ?? undefined,
    departmentId: rest.departmentId ?? undefined,
    handlerId: rest.handlerId ?? undefined,
    from: start ? start.format('YYYY-MM-DD') : undefined,
    to: end ? end.format('YYYY-MM-DD') : undefined,
  };
}

/** Filters of the clue list; selects apply at once, the keyword on Enter or 查询. */
export function ClueFilters({ onChange, showDepartment, handlerOptions }: TProps) {
  const [form] = Form.useForm<TValues>();
  const departments = useDepartments();
  const apply = () => onChange(toFilters(form.getFieldsValue()));

  return (
    <Form
      form={form}
      name="clue-filter"
      layout="inline"
      style={{ rowGap: 12 }}
      onValuesChange={(changed: TValues) => !('q' in changed) && apply()}
    >
      <Form.Item name="q">
        <Input
          placeholder="标题、内容、当事人或身份证号"
          aria-label="关键词"
          prefix={<SearchOutlined />}
          allowClear
          onPressEnter={apply}
          onClear={() => setTimeout(apply)}
          style={{ width: 240 }}
          data-testid="clues-search"
        />
      </Form.Item>
      <Form.Item name="source">
        <Select
          placeholder="全部来源"
          aria-label="按来源筛选"
          allowClear
          options={sourceOptions}
          style={{ width: 150 }}
          data-testid="clues-filter-source"
        />
      </Form.Item>
      <Form.Item name="status">
        <Select
          placeholder="全部状态"
          aria-label="按状态筛选"
          allowClear
          options={statusOptions}
          style={{ width: 120 }}
          data-testid="clues-filter-status"
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
            data-testid="clues-filter-department"
          />
        </Form.Item>
      )}
      <Form.Item name="handlerId">
        <Select
          placeholder="全部承办人"
          aria-label="按承办人筛选"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={handlerOptions}
          style={{ width: 160 }}
          data-testid="clues-filter-handler"
        />
      </Form.Item>
      <Form.Item name="range">
        <DatePicker.RangePicker
          placeholder={['登记日期起', '登记日期止']}
          allowEmpty={[true, true]}
          style={{ width: 260 }}
          data-testid="clues-filter-range"
        />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" onClick={apply} data-testid="clues-search-submit">
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
