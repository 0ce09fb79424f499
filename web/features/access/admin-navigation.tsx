import { Group } from '@mantine/core';
import { NavLink } from 'react-router';
import type { Permission } from '../../../common/permissions';
import { useCurrentUser } from '../../app/api';
import classes from './admin-navigation.module.css';
import { identityPaths } from './paths';

const links: { to: string; label: string; permission: Permission }[] = [
  { to: identityPaths.users, label: 'Users', permission: 'users.view' },
  { to: identityPaths.roles, label: 'Roles', permission: 'roles.manage' },
  { to: identityPaths.auditLog, label: 'Audit Log', permission: 'audit.view' },
  { to: identityPaths.organizations, label: 'Organizations', permission: 'organizations.manage' },
];

/** The top bar's links to the people and administration pages the user may open. */
export function AdminNavigation() {
  const { data: user } = useCurrentUser();
  if (!user || user.mustChangePassword) return null;
  const visible = links.filter((link) => user.permissions.includes(link.permission));
  if (visible.length === 0) return null;
  return (
    <Group component="nav" aria-label="Main" gap={4} visibleFrom="md" wrap="nowrap">
      {visible.map((link) => (
        <NavLink key={link.to} to={link.to} className={classes.link}>
          {link.label}
        </NavLink>
      ))}
    </Group>
  );
}
