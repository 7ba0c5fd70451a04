import type { TDeadline } from '@procura/server/deadlines/schema';
import { Alert, Flex, Typography } from 'antd';

/** How the engine computed the date, its legal basis (one citation, a single 待核实 mark when unverified), pauses and warnings. */
export function DeadlineExplanation({ deadline }: { deadline: TDeadline }) {
  const { basis } = deadline;
  return (
    <Flex vertical gap={4} data-testid={`deadline-explanation-${deadline.id}`}>
      <Typography.Text>{deadline.explanation}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        依据：{basis.citation}
      </Typography.Text>
      {deadline.pauses.map((pause) => (
        <Typography.Text key={`${pause.from}-${pause.reason}`} type="secondary" style={{ fontSize: 12 }}>
          中止：{pause.from} 起{pause.to ? ` 至 ${pause.to}` : '（尚未恢复）'}，{pause.reason}
        </Typography.Text>
      ))}
      {deadline.warnings.map((warning) => (
        <Alert key={warning} type="warning" showIcon title={warning} data-testid="deadline-warning" />
      ))}
    </Flex>
  );
}
