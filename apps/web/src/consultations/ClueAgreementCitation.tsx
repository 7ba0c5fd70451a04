import { Select, Space } from 'antd';
import { Link } from 'react-router';
import { useAgreements, useClueAgreement, useSetClueAgreement } from './api.ts';

/** 依据的会签文件 of a clue: the cooperation agreement under which it came (e.g. 线索移送机制). */
export function ClueAgreementCitation({ clueId, mayEdit }: { clueId: number; mayEdit: boolean }) {
  const cited = useClueAgreement(clueId);
  const agreements = useAgreements();
  const change = useSetClueAgreement(clueId);
  const current = cited.data?.agreement ?? null;
  return (
    <Space data-testid="clue-agreement">
      <span>依据会签文件：</span>
      {mayEdit ? (
        <Select
          style={{ width: 320 }}
          size="small"
          allowClear
          placeholder="无"
          loading={cited.isPending || agreements.isPending || change.isPending}
          value={current?.id}
          options={(agreements.data?.items ?? []).map((a) => ({ value: a.id, label: a.title }))}
          onChange={(value: number | undefined) => change.mutate(value ?? null)}
          data-testid="clue-agreement-select"
        />
      ) : (
        <span>{current?.title ?? '无'}</span>
      )}
      {current && <Link to="/cooperation-agreements">查看会签文件</Link>}
    </Space>
  );
}
