import { passwordRules } from '@procura/domain/password-rules';
import { Typography } from 'antd';

/** The password rule, shown next to every field where a password is chosen. */
export function PasswordRulesHint() {
  return (
    <Typography.Text type="secondary" data-testid="password-rules">
      {passwordRules.description}
    </Typography.Text>
  );
}
