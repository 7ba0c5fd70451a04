import { SearchOutlined } from '@ant-design/icons';
import type { TCaseType } from '@procura/domain/cases/case-types';
import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { departmentOptions, useDepartments } from '../departments/api.ts';
import type { TCaseFilters } from './api.ts';
import { caseTypeOptions, stageOptions } from './options.ts';

type TValues = Omit<TCaseFilters, 'from' | 'to'> & { range?: [Dayjs | null, Dayjs | null] | null };

type TProps = {
  onChange: (filters: TCaseFilters) => void;
  showDepartment: boolean;
  handlerOptions: { value: number; label: string }[];
};

const openOptions = [
  { value: 'true', label: '办理中' },
  { value: 'false', label: '已办结' },
];

function toFilters({ q, range, ...rest }: TValues): TCaseFilters {
  const [start, end] = range ?? [];
  return {
    q: q?.trim() || undefined,
    type: rest.type ?? undefined,
    stage: rest.stage ?? undefined,
    departmentId: rest.departmentId ?? undefined,
    handlerId: rest.handlerId ?? undefined,
    open: rest.open ?? undefined,
    from: start ? start.format('YYYY-MM-DD') : undefined,
    to: end ? end.format('YYYY-MM-DD') : undefined,
  };
}

/** Filters of the case list; selects apply at once, the keyword on Enter or 查询. */
export function CaseFilters({ onChange, showDepartment, handlerOptions }: TProps) {
  const [form] = Form.useForm<TValues>();
  const departments = useDepartments();
  const type = Form.useWatch('type', form) as TCaseType | undefined;
  const apply = () => onChange(toFilters(form.getFieldsValue()));

  return (
    <Form
      form={form}
      name="case-filter"
      layout="inline"
      style={{ rowGap: 12 }}
      onValuesChange={(changed: TValues) => {
        if ('type' in changed) form.setFieldValue('stage', undefined);
        if (!('q' in changed)) apply();
      }}
    >
      <Form.Item name="q">
        <Input
          placeholder="案号或案件名称"
          aria-label="关键词"
          prefix={<SearchOutlined />}
          allowClear
          onPressEnter={apply}
          onClear={() => setTimeout(apply)}
          style={{ width: 220 }}
          data-testid="cases-search"
        />
      </Form.Item>
      <Form.Item name="type">
        <Select
          placeholder="全部案件类型"
          aria-label="按案件类型筛选"
          allowClear
          options={caseTypeOptions()}
          style={{ width: 170 }}
          data-testid="cases-filter-type"
        />
      </Form.Item>
      <Form.Item name="stage">
        <Select
          placeholder="全部阶段"
          aria-label="按阶段筛选"
          allowClear
          options={stageOptions(type)}
          style={{ width: 150 }}
          data-testid="cases-filter-stage"
        />
      </Form.Item>
      <Form.Item name="open">
        <Select
          placeholder="办理状态"
          aria-label="按办理状态筛选"
          allowClear
          options={openOptions}
          style={{ width: 110 }}
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
            data-testid="cases-filter-department"
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
          data-testid="cases-filter-handler"
        />
      </Form.Item>
      <Form.Item name="range">
        <DatePicker.RangePicker
          placeholder={['立案日期起', '立案日期止']}
          allowEmpty={[true, true]}
          style={{ width: 260 }}
          data-testid="cases-filter-range"
        />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" onClick={apply} data-testid="cases-search-submit">
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
