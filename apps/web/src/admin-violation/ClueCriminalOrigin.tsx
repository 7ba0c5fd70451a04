import { EditOutlined } from '@ant-design/icons';
import type { TCriminalOriginBody } from '@procura/server/admin-violation/schema';
import { Alert, Button, Card, Descriptions, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorText } from '../api/errors.ts';
import { formatDateTime } from '../shared/dates.ts';
import { FormModal } from '../shared/FormModal.tsx';
import { originKindOptions, useCriminalOrigin, useSetCriminalOrigin } from './api.ts';

type TValues = { kind: TCriminalOriginBody['kind']; criminalCaseNumber: string; note?: string };

/**
 * 来源刑事案件: on a criminal department's clue (before it is transferred) or a 刑检移送 clue, the
 * criminal case the administrative violation was found in. Hidden on other clues.
 */
export function ClueCriminalOrigin({ clueId, mayEdit }: { clueId: number; mayEdit: boolean }) {
  const query = useCriminalOrigin(clueId);
  const [editing, setEditing] = useState(false);
  const setOrigin = useSetCriminalOrigin(clueId);
  if (query.isError) return <Alert type="error" showIcon title={errorText(query.error)} />;
  if (!query.data?.applicable) return null;
  const origin = query.data.origin;
  return (
    <Card
      title="来源刑事案件"
      data-testid="clue-criminal-origin"
      extra={
        mayEdit && (
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={() => setEditing(true)}
            data-testid="edit-criminal-origin"
          >
            注明来源刑事案件
          </Button>
        )
      }
    >
      {origin ? (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'kind', label: '线索发现情形', children: origin.kindLabel },
            {
              key: 'case',
              label: '刑事案件',
              children: origin.criminalCaseId ? (
                <Link to={`/cases/${origin.criminalCaseId}`}>{origin.criminalCaseNumber}</Link>
              ) : (
                <span data-testid="criminal-origin-case-number">{origin.criminalCaseNumber}</span>
              ),
            },
            { key: 'at', label: '注明时间', children: formatDateTime(origin.recordedAt) },
            ...(origin.note
              ? [{ key: 'note', label: '说明', span: 'filled' as const, children: origin.note }]
              : []),
          ]}
        />
      ) : (
        <span>尚未注明来源的刑事案件</span>
      )}
      <FormModal
        title="注明来源刑事案件"
        open={editing}
        onClose={() => setEditing(false)}
        mutation={setOrigin}
        toBody={(v: TValues) => ({
          kind: v.kind,
          criminalCaseNumber: v.criminalCaseNumber.trim(),
          ...(v.note?.trim() ? { note: v.note.trim() } : {}),
        })}
        initialValues={
          origin
            ? {
                kind: origin.kind,
                criminalCaseNumber: origin.criminalCaseNumber,
                note: origin.note ?? undefined,
              }
            : { kind: 'foundInCriminalCase' }
        }
        done="已注明来源刑事案件"
        testId="criminal-origin"
        width={520}
      >
        <Form.Item label="线索发现情形" name="kind" rules={[{ required: true, message: '请选择' }]}>
          <Select options={originKindOptions} data-testid="criminal-origin-kind" />
        </Form.Item>
        <Form.Item
          label="刑事案件案号"
          name="criminalCaseNumber"
          rules={[
            { required: true, whitespace: true, message: '请填写刑事案件案号' },
            { min: 2, max: 100, message: '案号为 2 至 100 个字' },
          ]}
        >
          <Input placeholder="如：成华检刑诉〔2026〕88号" data-testid="criminal-origin-case-number-input" />
        </Form.Item>
        <Form.Item label="说明" name="note">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
