import { type Database, schema } from '@procura/db';
import { roleLabels, roles, ZRole } from '@procura/domain/roles';
import { generatePassword } from '@procura/server/auth/passwords';
import { createUser } from '@procura/server/users/create-user';
import { resetPassword } from '@procura/server/users/reset-password';
import type { Command } from 'commander';
import { eq, sql } from 'drizzle-orm';
import { withDatabase } from '../database.ts';

/** Changes made from the command line are audited under this actor. */
const cliActor = { id: null, name: '命令行' };

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('用户管理');

  user
    .command('add <username>')
    .description('新建用户（未给出密码时生成一个并显示一次；首次登录须修改）')
    .requiredOption('-n, --name <displayName>', '姓名')
    .requiredOption('-r, --role <role>', `角色：${roles.map((r) => `${r}（${roleLabels[r]}）`).join('、')}`)
    .option('-d, --department <name>', '部门名称，例如 第一检察部')
    .option('--password <password>', '初始密码')
    .action(
      (username: string, options: { name: string; role: string; department?: string; password?: string }) =>
        withDatabase(async (database) => {
          const role = ZRole.safeParse(options.role);
          if (!role.success) throw new Error(`未知角色 ${options.role}，可选：${roles.join(', ')}`);
          const departmentId = options.department
            ? await departmentIdByName(database, options.department)
            : null;
          const password = options.password ?? generatePassword();
          const created = await createUser(database, {
            input: { username, displayName: options.name, role: role.data, departmentId, password },
            actor: cliActor,
            ip: null,
          });
          process.stdout.write(
            `已创建用户 ${created.username}（${created.displayName}，${created.roleLabel}）\n`,
          );
          if (!options.password) process.stdout.write(`初始密码（仅显示这一次）：${password}\n`);
        }),
    );

  user
    .command('reset-password <username>')
    .description('重置密码（未给出时生成一个并显示一次），同时解除锁定')
    .option('--password <password>', '新密码')
    .action((username: string, options: { password?: string }) =>
      withDatabase(async (database) => {
        const [row] = await database.db
          .select({ id: schema.users.id })
          .from(schema.users)
          .where(sql`lower(${schema.users.username}) = lower(${username})`);
        if (!row) throw new Error(`用户 ${username} 不存在`);
        const password = options.password ?? generatePassword();
        await resetPassword(database, { id: row.id, password, actor: cliActor, ip: null });
        process.stdout.write(`已重置 ${username} 的密码，下次登录须修改\n`);
        if (!options.password) process.stdout.write(`新密码（仅显示这一次）：${password}\n`);
      }),
    );
}

async function departmentIdByName(database: Database, name: string): Promise<number> {
  const [department] = await database.db
    .select({ id: schema.departments.id })
    .from(schema.departments)
    .where(eq(schema.departments.name, name));
  if (!department) {
    const all = await database.db.select({ name: schema.departments.name }).from(schema.departments);
    throw new Error(`部门「${name}」不存在，现有部门：${all.map((d) => d.name).join('、') || '（无）'}`);
  }
  return department.id;
}
