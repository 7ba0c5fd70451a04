import { DownloadOutlined } from '@ant-design/icons';
import type { TAction } from '@procura/domain/policy';
import type { TSuggestion } from '@procura/server/suggestions/schema';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Flex, Popconfirm, Typography } from 'antd';
import { apiDownload } from '../api/client.ts';
import { errorText } from '../api/errors.ts';
import { notifySuccess } from '../api/notify.ts';
import { useMe } from '../auth/hooks.ts';
import { useSuggestionStep } from './api.ts';

export type TSuggestionDialog = 'edit' | 'return' | 'delivery' | 'reply' | 'rectification';

/**
 * The next steps the suggestion's state allows, each only for a user whose actions allow it;
 * a refusal (a required field still empty…) is shown under the buttons as the server words it.
 */
export function SuggestionActions({
  suggestion,
  onOpen,
}: {
  suggestion: TSuggestion;
  onOpen: (dialog: TSuggestionDialog) => void;
}) {
  const me = useMe();
  const step = useSuggestionStep(suggestion);
  const download = useMutation({
    mutationFn: (url: string) => apiDownload(url),
    meta: { silent: true },
  });
  const { id, state } = suggestion;
  const may = (action: TAction) => me.actions.includes(action);
  const write = may('suggestion.write');
  const document = suggestion.documents.at(-1);
  const error = step.error ?? download.error;
  // Four eyes: the drafter or submitter never decides; a head's draft goes past the heads.
  const { approval } = suggestion;
  const fourEyes = approval.authorIds.includes(me.id)
    ? `本人起草或提请的检察建议，须由${approval.levelLabel}审批`
    : approval.level === 'leadership' && me.role === 'departmentHead'
      ? `部门负责人起草或提请的检察建议，须由${approval.levelLabel}审批`
      : null;
  const button = (testId: string) => ({ size: 'small' as const, 'data-testid': `${testId}-${id}` });

  return (
    <Flex vertical gap={8}>
      <Flex wrap gap={8}>
        {state === 'draft' && write && (
          <>
            <Button
              {...button('suggestion-edit')}
              onClick={() => {
                step.reset();
                onOpen('edit');
              }}
            >
              修改
            </Button>
            <Button
              {...button('suggestion-document')}
              loading={step.isPending && step.variables?.step === 'document'}
              onClick={() =>
                step.mutate(
                  { step: 'document' },
                  { onSuccess: () => notifySuccess('已生成检察建议书（未签发稿）') },
                )
              }
            >
              生成文书
            </Button>
            <Button
              {...button('suggestion-submit')}
              type="primary"
              loading={step.isPending && step.variables?.step === 'submit'}
              onClick={() =>
                step.mutate({ step: 'submit' }, { onSuccess: () => notifySuccess('已提交审批') })
              }
            >
              提交审批
            </Button>
          </>
        )}
        {state === 'pendingApproval' && may('suggestion.approve') && fourEyes && (
          <Typography.Text type="secondary" data-testid={`suggestion-four-eyes-${id}`}>
            {fourEyes}
          </Typography.Text>
        )}
        {state === 'pendingApproval' && may('suggestion.approve') && !fourEyes && (
          <>
            <Button
              {...button('suggestion-approve')}
              type="primary"
              loading={step.isPending}
              onClick={() =>
                step.mutate({ step: 'approve', body: {} }, { onSuccess: () => notifySuccess('已批准') })
              }
            >
              批准
            </Button>
            <Button {...button('suggestion-return')} danger onClick={() => onOpen('return')}>
              退回修改
            </Button>
          </>
        )}
        {state === 'approved' && may('suggestion.issue') && (
          <Popconfirm
            title="签发检察建议"
            description="签发将分配文号并归档检察建议书，签发后不能修改。"
            okText="签发"
            okButtonProps={{ 'data-testid': `suggestion-issue-confirm-${id}` }}
            onConfirm={() =>
              step.mutate(
                { step: 'issue' },
                { onSuccess: (issued) => notifySuccess(`已签发，文号 ${issued.docNumber ?? ''}`) },
              )
            }
          >
            <Button {...button('suggestion-issue')} type="primary" loading={step.isPending}>
              签发
            </Button>
          </Popconfirm>
        )}
        {state === 'issued' && write && (
          <Button {...button('suggestion-delivery')} type="primary" onClick={() => onOpen('delivery')}>
            记录送达
          </Button>
        )}
        {state === 'delivered' && write && (
          <Button {...button('suggestion-reply')} type="primary" onClick={() => onOpen('reply')}>
            记录回复
          </Button>
        )}
        {(state === 'delivered' || state === 'replied') && write && (
          <Button
            {...button('suggestion-rectification')}
            type={state === 'replied' ? 'primary' : 'default'}
            onClick={() => onOpen('rectification')}
          >
            整改情况
          </Button>
        )}
        {document && (
          <Button
            {...button('suggestion-download')}
            icon={<DownloadOutlined />}
            loading={download.isPending}
            onClick={() => download.mutate(document.url)}
          >
            下载检察建议书
          </Button>
        )}
      </Flex>
      {error && (
        <Alert type="error" showIcon title={errorText(error)} data-testid={`suggestion-error-${id}`} />
      )}
    </Flex>
  );
}
