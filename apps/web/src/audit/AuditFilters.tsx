import { auditActionLabels } from '@procura/domain/audit-actions';
import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { chinaInstant } from '../shared/dates.ts';
import type { TAuditFilters } from './api.ts';

type TValues = { actor?: string; action?: string; range?: [Dayjs | null, Dayjs | null] | null };

const actionOptions = Object.entries(auditActionLabels).map(([value, label]) => ({ value, label }));

function toFilters({ actor, action, range }: TValues): TAuditFilters {
  const [start, end] = range ?? [];
  return {
    actor: actor?.trim() || undefined,
    action: action ?? undefined,
    from: start ? chinaInstant(start.startOf('minute')) : undefined,
    to: end ? chinaInstant(end.endOf('minute')) : undefined,
  };
}

export function AuditFilters({ onChange }: { onChange: (filters: TAuditFilters) => void }) {
  const [form] = Form.useForm<TValues>();

  return (
    <Form
      form={form}
      name="audit-filter"
      layout="inline"
      style={{ rowGap: 12 }}
      onFinish={(values) => onChange(toFilters(values))}
    >
      <Form.Item label="操作人" name="actor">
        <Input
          placeholder="用户名或姓名"
          allowClear
          style={{ width: 160 }}
          data-testid="audit-filter-actor"
        />
      </Form.Item>
      <Form.Item label="操作" name="action">
        <Select
          placeholder="全部操作"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={actionOptions}
          style={{ width: 160 }}
          data-testid="audit-filter-action"
        />
      </Form.Item>
      <Form.Item label="时间范围" name="range">
        <DatePicker.RangePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          allowEmpty={[true, true]}
          style={{ width: 330 }}
          data-testid="audit-filter-range"
        />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" data-testid="audit-search">
            查询
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onChange({});
            }}
          >
            重置
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
