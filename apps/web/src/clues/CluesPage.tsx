import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { CriminalClueFunnel } from '../admin-violation/CriminalClueFunnel.tsx';
import { useMe } from '../auth/hooks.ts';
import { seesAllDepartments } from '../auth/reach.ts';
import { ExportButton } from '../shared/ExportButton.tsx';
import { useHandlerOptions } from '../shared/useHandlerOptions.ts';
import { useWorkbenchFilter } from '../workbench/useWorkbenchFilter.tsx';
import { type TClueFilters, useClues } from './api.ts';
import { ClueFilters } from './ClueFilters.tsx';
import { ClueTable } from './ClueTable.tsx';
import { RegisterClueModal } from './RegisterClueModal.tsx';

/** 线索: the clues the user reaches, filtered and paged on the server. Loaded lazily. */
export default function CluesPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [chosen, setFilters] = useState<TClueFilters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  // 待处置 (and 我承办的) from the workbench, on top of what the filter bar chooses.
  const workbench = useWorkbenchFilter(['awaiting', 'handlerId'] as const);
  const handlerId = Number(workbench.filter.handlerId);
  const filters: TClueFilters = {
    ...chosen,
    ...(workbench.filter.awaiting === 'decision' ? { awaiting: 'decision' as const } : {}),
    ...(Number.isInteger(handlerId) && handlerId > 0 ? { handlerId } : {}),
  };
  const [registering, setRegistering] = useState(false);
  const clues = useClues({ ...filters, ...page });
  const handlerOptions = useHandlerOptions(me);

  return (
    <Card
      title="线索"
      extra={<ExportButton path="/api/clues/export" filters={filters} testId="clues-export" />}
    >
      {workbench.notice}
      <Flex justify="space-between" align="start" gap={16} style={{ marginBottom: 16 }}>
        <ClueFilters
          showDepartment={seesAllDepartments(me)}
          handlerOptions={handlerOptions}
          onChange={(next) => {
            setFilters(next);
            setPage((current) => ({ ...current, page: 1 }));
          }}
        />
        {me.actions.includes('clue.create') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setRegistering(true)}
            data-testid="register-clue"
          >
            登记线索
          </Button>
        )}
      </Flex>
      {(seesAllDepartments(me) || me.department?.line === 'civilAdministrative') && (
        <div style={{ marginBottom: 16 }}>
          <CriminalClueFunnel />
        </div>
      )}
      <ClueTable
        data={clues.data}
        loading={clues.isFetching}
        page={page.page}
        pageSize={page.pageSize}
        onPageChange={(next, pageSize) => setPage({ page: pageSize === page.pageSize ? next : 1, pageSize })}
      />
      <RegisterClueModal
        open={registering}
        onClose={() => setRegistering(false)}
        onRegistered={({ clue, possibleDuplicates }) => {
          setRegistering(false);
          navigate(`/clues/${clue.id}`, { state: { possibleDuplicates } });
        }}
      />
    </Card>
  );
}
