import type { Permission } from '../../common/permissions';
import type { TestApp } from './app';
import type { BuiltOrganization } from './factories';

/** A multipart/form-data body with one file part. */
export function multipartFile(
  file: Buffer,
  options: { field?: string; filename?: string; type?: string } = {},
): { payload: Buffer; contentType: string } {
  const boundary = `----atrium${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${options.field ?? 'file'}"; filename="${options.filename ?? 'notes.txt'}"\r\nContent-Type: ${options.type ?? 'application/octet-stream'}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, file, tail]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** Takes permissions away from one of an organization's seeded roles (for the "forbidden" cases). */
export async function revokeFromRole(
  t: TestApp,
  organization: BuiltOrganization,
  role: 'Administrator' | 'Manager' | 'User',
  revoked: Permission[],
): Promise<void> {
  const roleId = organization.roleIds[role] as string;
  const row = await t.deps.db
    .selectFrom('roles')
    .select('permissions')
    .where('id', '=', roleId)
    .executeTakeFirstOrThrow();
  const kept = (JSON.parse(row.permissions) as string[]).filter(
    (name) => !revoked.includes(name as Permission),
  );
  await t.deps.db
    .updateTable('roles')
    .set({ permissions: JSON.stringify(kept) })
    .where('id', '=', roleId)
    .execute();
}

/** A 1×1 PNG. */
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
