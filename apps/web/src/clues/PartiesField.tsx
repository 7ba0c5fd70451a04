import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { cleanIdNumber } from '@procura/domain/clean/id-number';
import { Button, Flex, Form, Input, Select } from 'antd';

const kindOptions = [
  { value: 'person', label: '自然人' },
  { value: 'organisation', label: '单位' },
];

const idNumberRule = {
  validator: async (_rule: unknown, value: unknown) => {
    if (typeof value !== 'string' || value.trim() === '') return;
    const cleaned = cleanIdNumber(value);
    const problem = cleaned.ok ? cleaned.problem : cleaned.reason;
    if (problem) throw new Error(problem);
  },
};

/** 当事人: a list of people (姓名 + 公民身份号码) and organisations (名称). */
export function PartiesField() {
  return (
    <Form.List name="parties">
      {(fields, { add, remove }) => (
        <Flex vertical gap={8} data-testid="clue-parties">
          {fields.map((field) => (
            <Flex key={field.key} gap={8} align="start" data-testid={`clue-party-${field.name}`}>
              <Form.Item name={[field.name, 'kind']} noStyle>
                <Select options={kindOptions} style={{ width: 96 }} aria-label="当事人类别" />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {({ getFieldValue }) =>
                  getFieldValue(['parties', field.name, 'kind']) === 'organisation' ? (
                    <Form.Item
                      name={[field.name, 'name']}
                      rules={[{ required: true, whitespace: true, message: '请输入单位名称' }]}
                      style={{ flex: 1, marginBottom: 0 }}
                    >
                      <Input placeholder="单位名称" aria-label="单位名称" data-testid="party-name" />
                    </Form.Item>
                  ) : (
                    <Flex gap={8} style={{ flex: 1 }}>
                      <Form.Item
                        name={[field.name, 'name']}
                        rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}
                        style={{ width: 140, marginBottom: 0 }}
                      >
                        <Input placeholder="姓名" aria-label="姓名" data-testid="party-name" />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'idNumber']}
                        rules={[idNumberRule]}
                        style={{ flex: 1, marginBottom: 0 }}
                      >
                        <Input
                          placeholder="公民身份号码（选填）"
                          aria-label="公民身份号码"
                          maxLength={18}
                          data-testid="party-id-number"
                        />
                      </Form.Item>
                    </Flex>
                  )
                }
              </Form.Item>
              <Button
                type="text"
                icon={<DeleteOutlined />}
                aria-label="删除当事人"
                onClick={() => remove(field.name)}
              />
            </Flex>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ kind: 'person' })}
            data-testid="clue-add-party"
          >
            添加当事人
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
