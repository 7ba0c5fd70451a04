import { FileWordOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { guardianshipBasis, guidancePartners } from '@procura/domain/juvenile/follow-up';
import type { TJuvenileCaseDetail, TOrderBody } from '@procura/server/juvenile/schema';
import {
  Alert,
  AutoComplete,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  Select,
  Space,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorText } from '../api/errors.ts';
import { FormModal } from '../shared/FormModal.tsx';
import { type TAttendanceBody, type TEvaluationBody, useJuvenileMutation, useOrderDocument } from './api.ts';

type TOrder = TJuvenileCaseDetail['orders'][number];
type TValues = Omit<TOrderBody, 'sessions'> & { sessions?: { on: Dayjs; topic: string }[] };

function OrderView({ order, canWrite }: { order: TOrder; canWrite: boolean }) {
  const document = useOrderDocument();
  const attendance = useJuvenileMutation<TAttendanceBody>(
    `/api/juvenile/guardianship-orders/${order.id}/attendance`,
  );
  const [evaluating, setEvaluating] = useState(false);
  const evaluate = useJuvenileMutation<TEvaluationBody>(
    `/api/juvenile/guardianship-orders/${order.id}/evaluation`,
  );
  return (
    <Card
      type="inner"
      size="small"
      title={`督促监护令：致${order.guardianName || '（监护人未填）'}`}
      data-testid="order"
    >
      <Flex vertical gap={12}>
        {order.missing.length > 0 && (
          <Alert type="warning" showIcon title={`生成文书前须填写：${order.missing.join('、')}`} />
        )}
        {document.error && (
          <Alert type="error" showIcon title={errorText(document.error)} data-testid="order-error" />
        )}
        <Descriptions
          size="small"
          column={2}
          items={[
            { key: 'minor', label: '未成年人', children: order.minorName },
            { key: 'relation', label: '关系', children: order.relation || '—' },
            { key: 'partner', label: '指导机构', children: order.partnerBody || '—' },
            { key: 'issued', label: '制发日期', children: order.issuedOn ?? '未生成' },
            { key: 'facts', label: '监护失职事实', children: order.facts || '—', span: 2 },
            { key: 'req', label: '督促监护事项', children: order.requirements || '—', span: 2 },
          ]}
        />
        <div>
          家庭教育指导：
          {order.sessions.length === 0 && '（未安排）'}
          {order.sessions.map((s, index) => (
            <Space key={`${s.on}-${s.topic}`} style={{ marginRight: 16 }}>
              <span>
                {s.on} {s.topic}
              </span>
              {s.attended === null ? (
                canWrite &&
                order.documentId && (
                  <>
                    <Button size="small" onClick={() => attendance.mutate({ index, attended: true })}>
                      到场
                    </Button>
                    <Button size="small" onClick={() => attendance.mutate({ index, attended: false })}>
                      未到场
                    </Button>
                  </>
                )
              ) : (
                <Tag color={s.attended ? 'green' : 'red'}>{s.attended ? '已到场' : '未到场'}</Tag>
              )}
            </Space>
          ))}
        </div>
        {order.evaluation && <div>结案评估：{order.evaluation}</div>}
        <Space>
          {canWrite && (
            <Button
              icon={<FileWordOutlined />}
              loading={document.isPending}
              onClick={() => document.mutate(order.id)}
              data-testid="order-docx"
            >
              {order.documentId ? '重新生成督促监护令' : '生成督促监护令'}
            </Button>
          )}
          {order.documentId && (
            <a href={`/api/case-documents/${order.documentId}`} data-testid="order-download">
              下载 .docx
            </a>
          )}
          {canWrite && order.documentId && !order.evaluation && (
            <Button onClick={() => setEvaluating(true)}>结案评估</Button>
          )}
        </Space>
      </Flex>
      <FormModal<TEvaluationBody, TEvaluationBody>
        title="督促监护令结案评估"
        open={evaluating}
        onClose={() => setEvaluating(false)}
        mutation={evaluate}
        toBody={(v) => v}
        done="已评估"
        testId="order-evaluation"
      >
        <Form.Item label="评估意见" name="evaluation" rules={[{ required: true, message: '请填写评估意见' }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

/** 督促监护令 (家庭教育促进法 第四十九条) with its guidance plan, attendance and closing evaluation. */
export function OrdersCard({ detail, canWrite }: { detail: TJuvenileCaseDetail; canWrite: boolean }) {
  const [open, setOpen] = useState(false);
  const create = useJuvenileMutation<TOrderBody>(`/api/juvenile/cases/${detail.id}/guardianship-orders`);
  return (
    <Card
      title="督促监护令与家庭教育指导"
      size="small"
      extra={
        canWrite && (
          <Button icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="order-add">
            起草督促监护令
          </Button>
        )
      }
    >
      <Flex vertical gap={12}>
        {detail.orders.length === 0 && <span>尚无督促监护令</span>}
        {detail.orders.map((o) => (
          <OrderView key={o.id} order={o} canWrite={canWrite} />
        ))}
      </Flex>
      <FormModal<TValues, TOrderBody>
        title="起草督促监护令"
        open={open}
        onClose={() => setOpen(false)}
        mutation={create}
        toBody={(v) => ({
          ...v,
          sessions: (v.sessions ?? [])
            .filter((s) => s?.on && s.topic)
            .map((s) => ({ on: s.on.format('YYYY-MM-DD'), topic: s.topic })),
        })}
        done="已起草"
        testId="order-form"
        initialValues={{ minorId: detail.minors[0]?.id, partnerBody: '区妇联' }}
      >
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`依据：${guardianshipBasis}`} />
        <Form.Item label="未成年人" name="minorId" rules={[{ required: true, message: '请先登记未成年人' }]}>
          <Select options={detail.minors.map((m) => ({ value: m.id, label: m.name }))} />
        </Form.Item>
        <Form.Item label="监护人姓名" name="guardianName">
          <Input />
        </Form.Item>
        <Form.Item label="与未成年人关系" name="relation">
          <Input />
        </Form.Item>
        <Form.Item label="监护失职事实" name="facts">
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item label="督促监护事项" name="requirements">
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item label="家庭教育指导机构" name="partnerBody">
          <AutoComplete options={guidancePartners.map((p) => ({ value: p }))} />
        </Form.Item>
        <Form.List name="sessions">
          {(items, { add, remove }) => (
            <Flex vertical gap={8}>
              {items.map((item) => (
                <Space key={item.key}>
                  <Form.Item name={[item.name, 'on']} noStyle rules={[{ required: true, message: '日期' }]}>
                    <DatePicker placeholder="指导日期" />
                  </Form.Item>
                  <Form.Item
                    name={[item.name, 'topic']}
                    noStyle
                    rules={[{ required: true, message: '主题' }]}
                  >
                    <Input placeholder="指导主题" />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(item.name)} />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />}>
                增加一次家庭教育指导
              </Button>
            </Flex>
          )}
        </Form.List>
      </FormModal>
    </Card>
  );
}
