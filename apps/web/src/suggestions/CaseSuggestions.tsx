import { PlusOutlined } from '@ant-design/icons';
import type { TCaseDetail } from '@procura/server/cases/schema';
import type { TSuggestion } from '@procura/server/suggestions/schema';
import { Alert, Button, Card, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useMe } from '../auth/hooks.ts';
import { useLast } from '../shared/useLast.ts';
import { useCaseSuggestions } from './api.ts';
import { kindNames } from './options.ts';
import { ReplyDeadline } from './ReplyDeadline.tsx';
import { DeliveryModal, RectificationModal, ReplyModal, ReturnModal } from './StepModals.tsx';
import { SuggestionActions, type TSuggestionDialog } from './SuggestionActions.tsx';
import { SuggestionDetails } from './SuggestionDetails.tsx';
import { SuggestionFormModal } from './SuggestionFormModal.tsx';
import { SuggestionStateTag } from './SuggestionStateTag.tsx';

type TDialog = { kind: 'create' } | { kind: TSuggestionDialog; suggestion: TSuggestion };

function columns(onOpen: (dialog: TDialog) => void): TableColumnsType<TSuggestion> {
  return [
    {
      title: '文号',
      key: 'docNumber',
      width: 210,
      render: (_, item) => (
        <span data-testid={`suggestion-number-${item.id}`}>
          {item.docNumber ?? '（未签发）'}
          {item.urgent && (
            <Tag color="red" style={{ marginInlineStart: 6 }}>
              紧急
            </Tag>
          )}
        </span>
      ),
    },
    { title: '种类', key: 'kind', width: 70, render: (_, item) => kindNames[item.kind] },
    { title: '被建议单位', key: 'addressee', width: 170, render: (_, item) => item.addressee || '—' },
    { title: '状态', key: 'state', width: 80, render: (_, item) => <SuggestionStateTag suggestion={item} /> },
    { title: '回复期限', key: 'replyDue', render: (_, item) => <ReplyDeadline suggestion={item} explain /> },
    {
      title: '操作',
      key: 'actions',
      width: 270,
      render: (_, item) => (
        <SuggestionActions suggestion={item} onOpen={(kind) => onOpen({ kind, suggestion: item })} />
      ),
    },
  ];
}

/** 检察建议 card of the case page: the case's suggestions and the next step each allows. */
export function CaseSuggestions({ detail }: { detail: TCaseDetail }) {
  const me = useMe();
  const suggestions = useCaseSuggestions(detail.id);
  const [dialog, setDialog] = useState<TDialog | null>(null);
  const shown = useLast(dialog);
  const close = () => setDialog(null);
  const mayDraft = detail.closedAt === null && me.actions.includes('suggestion.write');
  const current = shown && 'suggestion' in shown ? shown.suggestion : null;

  return (
    <Card
      title="检察建议"
      extra={
        mayDraft && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ kind: 'create' })}
            data-testid="suggestion-create"
          >
            制发检察建议
          </Button>
        )
      }
    >
      <StageNotice detail={detail} />
      <Table<TSuggestion>
        rowKey="id"
        size="small"
        columns={columns(setDialog)}
        dataSource={suggestions.data}
        loading={suggestions.isPending}
        pagination={false}
        scroll={{ x: 1000 }}
        expandable={{ expandedRowRender: (item) => <SuggestionDetails suggestion={item} /> }}
        locale={{ emptyText: '本案尚无检察建议' }}
        data-testid="case-suggestions"
      />
      <SuggestionFormModal
        caseId={detail.id}
        editing={shown?.kind === 'edit' ? current : null}
        open={dialog?.kind === 'create' || dialog?.kind === 'edit'}
        onClose={close}
      />
      {current && (
        <>
          <DeliveryModal suggestion={current} open={dialog?.kind === 'delivery'} onClose={close} />
          <ReplyModal suggestion={current} open={dialog?.kind === 'reply'} onClose={close} />
          <ReturnModal suggestion={current} open={dialog?.kind === 'return'} onClose={close} />
          <RectificationModal suggestion={current} open={dialog?.kind === 'rectification'} onClose={close} />
        </>
      )}
    </Card>
  );
}

const kindLabels: Record<string, string> = { preLitigation: '诉前检察建议', general: '检察建议' };

/**
 * The case follows the work: issuing such a suggestion moves the case into its stage (诉前程序…),
 * which needs what the current stage's way out needs; said before the issue, naming what is missing.
 */
function StageNotice({ detail }: { detail: TCaseDetail }) {
  const move = detail.suggestionStage;
  if (!move || detail.closedAt !== null) return null;
  const kinds = move.kinds.map((kind) => kindLabels[kind] ?? kind).join('或');
  const missing = move.missing.map((m) => m.label).join('、');
  return (
    <Alert
      style={{ marginBottom: 12 }}
      type={missing ? 'warning' : 'info'}
      showIcon
      data-testid="suggestion-stage-notice"
      title={
        missing
          ? `签发${kinds}后案件转入「${move.label}」；签发前须先记录：${missing}`
          : `签发${kinds}后，案件自动转入「${move.label}」`
      }
    />
  );
}
