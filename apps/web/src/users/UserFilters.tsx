import { SearchOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select } from 'antd';
import { departmentOptions, useDepartments } from '../departments/api.ts';
import type { TUserFilters } from './api.ts';
import { roleOptions } from './options.ts';

/** Search box and selects above the user table; selects apply at once, the text on Enter or 查询. */
export function UserFilters({ onChange }: { onChange: (filters: TUserFilters) => void }) {
  const [form] = Form.useForm<TUserFilters>();
  const departments = useDepartments();
  const apply = () => {
    const { q, role, departmentId } = form.getFieldsValue();
    onChange({ q: q?.trim() || undefined, role: role ?? undefined, departmentId: departmentId ?? undefined });
  };

  return (
    <Form
      form={form}
      name="user-filter"
      layout="inline"
      style={{ rowGap: 12 }}
      onValuesChange={(changed: TUserFilters) => (!('q' in changed) || !changed.q) && apply()}
    >
      <Form.Item name="q">
        <Input
          placeholder="搜索用户名或姓名"
          aria-label="搜索用户名或姓名"
          prefix={<SearchOutlined />}
          allowClear
          onPressEnter={apply}
          style={{ width: 220 }}
          data-testid="users-search"
        />
      </Form.Item>
      <Form.Item name="role">
        <Select
          placeholder="全部角色"
          aria-label="按角色筛选"
          allowClear
          options={roleOptions}
          style={{ width: 160 }}
          data-testid="users-filter-role"
        />
      </Form.Item>
      <Form.Item name="departmentId">
        <Select
          placeholder="全部部门"
          aria-label="按部门筛选"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={departments.isPending}
          options={departmentOptions(departments.data)}
          style={{ width: 200 }}
          data-testid="users-filter-department"
        />
      </Form.Item>
      <Form.Item>
        <Button type="primary" onClick={apply} data-testid="users-search-submit">
          查询
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields();
            apply();
          }}
        >
          重置
        </Button>
      </Form.Item>
    </Form>
  );
}
