import type { TPossibleDuplicate } from '@procura/server/clues/schema';
import { Alert } from 'antd';

function describe(duplicate: TPossibleDuplicate): string {
  const kind = duplicate.kind === 'case' ? '案件' : '线索';
  // A record the user cannot open: flagged without its number or the names on it.
  if (duplicate.id === null) return `${duplicate.department}：另有${kind}（${duplicate.reason}）`;
  const what =
    duplicate.caseNumber ?? (duplicate.kind === 'case' ? `案件 #${duplicate.id}` : `线索 #${duplicate.id}`);
  return `${duplicate.department}：${what}（${duplicate.reason}）`;
}

/** Open clues and cases that may be the same matter: flagged for the user, never merged. */
export function DuplicatesAlert({ duplicates }: { duplicates: TPossibleDuplicate[] }) {
  if (duplicates.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={`发现 ${duplicates.length} 条可能重复的线索或案件，请核实（系统不会自动合并）`}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {duplicates.map((duplicate, index) => (
            <li key={`${duplicate.kind}-${duplicate.id ?? `n${index}`}`}>{describe(duplicate)}</li>
          ))}
        </ul>
      }
      data-testid="clue-duplicates"
    />
  );
}
