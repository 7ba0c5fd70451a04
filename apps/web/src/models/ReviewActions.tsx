import type { TPilField } from '@procura/domain/public-interest-fields';
import { Alert, Button, Flex, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { errorText } from '../api/errors.ts';
import { notifySuccess } from '../api/notify.ts';
import { departmentOptions, useDepartments } from '../departments/api.ts';
import { pilFieldOptions } from '../public-interest-fields/options.ts';
import { FormModal } from '../shared/FormModal.tsx';
import { useHitsToClues, useReviewHits } from './api.ts';

/**
 * 确认 / 排除（须填理由） / 转为线索（选接收部门） for the selected hits; a dialog's error shows in
 * the dialog, a confirmation's below the buttons.
 */
export function ReviewActions({ selected, onDone }: { selected: number[]; onDone: () => void }) {
  const review = useReviewHits();
  const dismiss = useReviewHits();
  const toClues = useHitsToClues();
  const departments = useDepartments();
  const [dialog, setDialog] = useState<'dismiss' | 'clue' | null>(null);
  const none = selected.length === 0;

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} align="center">
        <span>已选 {selected.length} 条</span>
        <Button
          disabled={none}
          loading={review.isPending && review.variables?.action === 'confirm'}
          onClick={() =>
            review.mutate(
              { action: 'confirm', hitIds: selected },
              {
                onSuccess: () => {
                  notifySuccess('已确认');
                  onDone();
                },
              },
            )
          }
          data-testid="confirm-hits"
        >
          确认
        </Button>
        <Button disabled={none} onClick={() => setDialog('dismiss')} data-testid="dismiss-hits">
          排除
        </Button>
        <Button type="primary" disabled={none} onClick={() => setDialog('clue')} data-testid="hits-to-clues">
          转为线索
        </Button>
      </Flex>
      {review.error && <Alert type="error" showIcon message={errorText(review.error)} />}
      <FormModal
        open={dialog === 'dismiss'}
        title={`排除 ${selected.length} 条命中`}
        okText="排除"
        width={520}
        onClose={() => setDialog(null)}
        mutation={dismiss}
        toBody={(values: { reason: string }) => ({
          action: 'dismiss' as const,
          hitIds: selected,
          reason: values.reason,
        })}
        done="已排除"
        onDone={onDone}
        testId="dismiss"
      >
        <Form.Item
          name="reason"
          label="排除理由"
          rules={[{ required: true, min: 2, message: '请填写排除理由（至少 2 个字）' }]}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="dismiss-reason" />
        </Form.Item>
      </FormModal>
      <FormModal
        open={dialog === 'clue'}
        title={`将 ${selected.length} 条命中转为线索`}
        okText="转为线索"
        width={520}
        onClose={() => setDialog(null)}
        mutation={toClues}
        toBody={(values: { departmentId: number; pilField?: TPilField }) => ({
          hitIds: selected,
          departmentId: values.departmentId,
          ...(values.pilField ? { pilField: values.pilField } : {}),
        })}
        done={(result) =>
          `已登记线索 ${result.items.map((i) => `#${i.clueId}`).join('、')}（来源：大数据模型）`
        }
        onDone={onDone}
        testId="review"
      >
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message="每条命中登记为一条线索，线索内容包含命中说明、证据行和本次运行的数据集指纹；请先人工复核身份和事实。"
        />
        <Form.Item
          name="departmentId"
          label="接收部门"
          rules={[{ required: true, message: '请选择接收部门' }]}
        >
          <Select
            options={departmentOptions(departments.data)}
            data-testid="clue-department"
            placeholder="选择部门"
          />
        </Form.Item>
        <Form.Item noStyle dependencies={['departmentId']}>
          {({ getFieldValue }) =>
            departments.data?.find((d) => d.id === getFieldValue('departmentId'))?.line ===
              'publicInterest' && (
              <Form.Item
                name="pilField"
                label="公益诉讼领域"
                rules={[{ required: true, message: '请选择公益诉讼领域' }]}
              >
                <Select options={pilFieldOptions} placeholder="请选择领域" data-testid="clue-pil-field" />
              </Form.Item>
            )
          }
        </Form.Item>
      </FormModal>
    </Flex>
  );
}
