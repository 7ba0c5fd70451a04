import type { TClueDetail } from '@procura/server/clues/schema';
import { Alert, Card, Skeleton, Tabs } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { errorText } from '../api/errors.ts';
import { notifySuccess } from '../api/notify.ts';
import { useMe } from '../auth/hooks.ts';
import { caseTypeOptions } from '../cases/options.ts';
import { useDepartments } from '../departments/api.ts';
import { useDecideClue } from './api.ts';
import { DeclineForm } from './DeclineForm.tsx';
import { OpenCaseForm } from './OpenCaseForm.tsx';
import { TransferForm } from './TransferForm.tsx';

/** 线索处置: the one decision on an open clue (立案, 不立案 or 移送); server errors shown inline. */
export function DecisionPanel({ clue }: { clue: TClueDetail }) {
  const me = useMe();
  const navigate = useNavigate();
  const decide = useDecideClue(clue.id);
  const [tab, setTab] = useState<string>();
  // 立案 only where the clue's department opens some case type (the criminal line has none here).
  const departments = useDepartments();
  const line = departments.data?.find((d) => d.id === clue.department.id)?.line;
  const caseTypes = line ? caseTypeOptions(line) : [];

  const items = [
    me.actions.includes('case.create') &&
      caseTypes.length > 0 && {
        key: 'open',
        label: '立案',
        children: (
          <OpenCaseForm
            clue={clue}
            options={caseTypes}
            pending={decide.isPending}
            // The promise, not mutate's onSuccess: once the clue reloads as 已立案 this panel is gone,
            // and TanStack Query skips the callbacks of a component that has unmounted.
            onSubmit={(body) =>
              decide
                .mutateAsync(body)
                .then((detail) => {
                  notifySuccess(`已立案：${detail.case?.caseNumber ?? ''}`);
                  if (detail.case) navigate(`/cases/${detail.case.id}`);
                })
                .catch(() => undefined)
            }
          />
        ),
      },
    {
      key: 'decline',
      label: '不立案',
      children: (
        <DeclineForm
          pending={decide.isPending}
          onSubmit={(reason) =>
            decide.mutate({ decision: 'decline', reason }, { onSuccess: () => notifySuccess('已决定不立案') })
          }
        />
      ),
    },
    me.actions.includes('clue.transfer') && {
      key: 'transfer',
      label: '移送',
      children: (
        <TransferForm
          clue={clue}
          pending={decide.isPending}
          onSubmit={(transfer) =>
            decide.mutate(
              { decision: 'transfer', transfer },
              { onSuccess: () => notifySuccess('线索已移送') },
            )
          }
        />
      ),
    },
  ].filter((item) => item !== false);

  // Until the department's line is known the tabs are not: showing 不立案 first and then 立案
  // in front of it moved the tab under the user's pointer.
  if (departments.isPending) {
    return (
      <Card title="线索处置" data-testid="clue-decision">
        <div data-testid="clue-decision-loading">
          <Skeleton active paragraph={{ rows: 3 }} />
        </div>
      </Card>
    );
  }

  return (
    <Card title="线索处置" data-testid="clue-decision">
      {decide.error && (
        <Alert
          type="error"
          showIcon
          title={errorText(decide.error)}
          style={{ marginBottom: 16 }}
          data-testid="decision-error"
        />
      )}
      <Tabs
        // Until a tab is picked, the first one: 立案 once the departments have loaded (a notice
        // can open the clue before they are cached), never a tab picked while they were loading.
        activeKey={tab ?? items[0]?.key}
        onChange={(key) => {
          setTab(key);
          decide.reset();
        }}
        items={items}
        data-testid="decision-tabs"
      />
    </Card>
  );
}
