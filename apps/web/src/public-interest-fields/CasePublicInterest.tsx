import type { TPilField } from '@procura/domain/public-interest-fields';
import type { TCaseDetail } from '@procura/server/cases/schema';
import { Card, Descriptions, Select, Space, Tag } from 'antd';
import { Link } from 'react-router';
import {
  useCaseProtectedObjects,
  useProtectedObjects,
  useSetCasePilField,
  useSetCaseProtectedObjects,
} from './api.ts';
import { pilFieldOptions } from './options.ts';

/** 公益诉讼领域 and 保护对象 of a public-interest case, changeable by those who record its work. */
export function CasePublicInterest({ detail, mayEdit }: { detail: TCaseDetail; mayEdit: boolean }) {
  const setField = useSetCasePilField(detail.id);
  const linked = useCaseProtectedObjects(detail.id);
  const all = useProtectedObjects();
  const setObjects = useSetCaseProtectedObjects(detail.id);
  const linkedItems = linked.data?.items ?? [];

  return (
    <Card title="公益诉讼领域与保护对象" style={{ marginTop: 16 }} data-testid="case-public-interest">
      <Descriptions
        column={1}
        items={[
          {
            key: 'field',
            label: '公益诉讼领域',
            children: mayEdit ? (
              <Select<TPilField>
                value={detail.pilField ?? undefined}
                options={pilFieldOptions}
                placeholder="未填写，请选择"
                style={{ width: 240 }}
                loading={setField.isPending}
                onChange={(value) => setField.mutate(value)}
                data-testid="case-pil-field"
              />
            ) : (
              (detail.pilFieldLabel ?? '未填写')
            ),
          },
          {
            key: 'objects',
            label: '保护对象',
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  {linkedItems.length === 0 && '未登记'}
                  {linkedItems.map((o) => (
                    <Tag key={o.id} color="green">
                      <Link to={`/protected-objects/${o.id}`}>
                        {o.protectionLevel ? `${o.protectionLevel} ` : ''}
                        {o.name}
                      </Link>
                    </Tag>
                  ))}
                </Space>
                {mayEdit && (
                  <Select<number[]>
                    mode="multiple"
                    value={linkedItems.map((o) => o.id)}
                    options={(all.data?.items ?? []).map((o) => ({
                      value: o.id,
                      label: `${o.name}（${o.protectionLevel ?? o.kindLabel}）`,
                    }))}
                    placeholder="选择本案保护的文物、保护地等（在“保护对象”页登记新的对象）"
                    style={{ width: '100%', maxWidth: 560 }}
                    loading={setObjects.isPending}
                    onChange={(ids) => setObjects.mutate(ids)}
                    optionFilterProp="label"
                    data-testid="case-protected-objects"
                  />
                )}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
