import { ConfigurationPage } from './configuration-page';

/** **My Configuration** (user menu, and the Configuration button on My User): my own level. */
export function MyConfigurationPage() {
  return <ConfigurationPage scope="user" />;
}

/** **Organization Configuration**: the current organization's defaults (`organization.settings`). */
export function OrganizationConfigurationPage() {
  return <ConfigurationPage scope="organization" />;
}

/** **Global Configuration**: every organization's defaults (`system.settings`, instance administrators). */
export function SystemConfigurationPage() {
  return <ConfigurationPage scope="system" />;
}
