import type { TReassignResult } from '@procura/server/reassignment/schema';
import { Alert, Button, Form, Input, List, Modal, Result, Select } from 'antd';
import { useState } from 'react';
import { errorText } from '../api/errors.ts';
import { useReassign } from './api.ts';
import { useReassignTargets } from './useReassignTargets.ts';

type TValues = { toHandlerId: number; reason: string };

function ResultList({ result }: { result: TReassignResult }) {
  const rows = [
    ...result.cases.map((c) => ({ key: `case-${c.id}`, what: `案件 ${c.caseNumber}`, from: c.from })),
    ...result.clues.map((c) => ({ key: `clue-${c.id}`, what: `线索「${c.title}」`, from: c.from })),
  ];
  return (
    <Result
      status="success"
      title={`已改派 ${rows.length} 件，由 ${result.toHandler.name} 承办`}
      subTitle="期限不变；新承办人已收到通知，改派已记入审计日志。"
      data-testid="reassign-result"
    >
      <List
        size="small"
        dataSource={rows}
        renderItem={(row) => (
          <List.Item key={row.key}>
            {row.what}：{row.from ?? '（无）'} → {result.toHandler.name}
          </List.Item>
        )}
      />
    </Result>
  );
}

/** Picks the new handler and the required reason, then shows what was reassigned. */
export function ReassignModal({
  open,
  caseIds,
  clueIds,
  onClose,
  onDone,
}: {
  open: boolean;
  caseIds: number[];
  clueIds: number[];
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<TValues>();
  const handlerOptions = useReassignTargets();
  const reassign = useReassign();
  const [result, setResult] = useState<TReassignResult | null>(null);
  const close = () => {
    if (result) onDone();
    reassign.reset();
    setResult(null);
    onClose();
  };

  const onFinish = (values: TValues) =>
    reassign.mutate(
      { caseIds, clueIds, toHandlerId: values.toHandlerId, reason: values.reason.trim() },
      {
        onSuccess: setResult,
      },
    );

  return (
    <Modal
      title={`改派承办人（已选 ${caseIds.length} 件案件、${clueIds.length} 条线索）`}
      open={open}
      onCancel={close}
      destroyOnHidden
      footer={
        result ? (
          <Button type="primary" onClick={close} data-testid="reassign-close">
            关闭
          </Button>
        ) : (
          [
            <Button key="cancel" onClick={close}>
              取消
            </Button>,
            <Button
              key="ok"
              type="primary"
              loading={reassign.isPending}
              onClick={() => form.submit()}
              data-testid="reassign-submit"
            >
              改派
            </Button>,
          ]
        )
      }
    >
      {result ? (
        <ResultList result={result} />
      ) : (
        <>
          {reassign.error && (
            <Alert
              type="error"
              showIcon
              title={errorText(reassign.error)}
              style={{ marginBottom: 16 }}
              data-testid="reassign-error"
            />
          )}
          <Form form={form} name="reassign" layout="vertical" onFinish={onFinish} clearOnDestroy>
            <Form.Item
              label="新承办人"
              name="toHandlerId"
              rules={[{ required: true, message: '请选择新承办人' }]}
            >
              <Select
                options={handlerOptions}
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="请选择新承办人"
                data-testid="reassign-handler"
              />
            </Form.Item>
            <Form.Item
              label="改派理由"
              name="reason"
              rules={[
                { required: true, whitespace: true, message: '请填写改派理由' },
                { min: 2, message: '改派理由至少 2 个字' },
                { max: 500, message: '不能超过 500 个字' },
              ]}
            >
              <Input.TextArea rows={3} placeholder="如：原承办人借调、病休" data-testid="reassign-reason" />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
