/** Neo4j's notifications as a test expects them, with the texts of Neo4j's status-code documentation. */
const SEE_DOCS = 'See Status Codes documentation for more information.';
export const noEffect = (gqlStatus: string, command: string, description: string) => ({
  code: 'Neo.ClientNotification.Security.CommandHasNoEffect',
  gqlStatus,
  severity: 'INFORMATION',
  title: `\`${command}\` has no effect.`,
  description: `${description} ${SEE_DOCS}`,
  statusDescription:
    gqlStatus === '00N70'
      ? `note: successful completion - role or privilege already assigned. \`${command}\` has no effect. The role or privilege is already assigned.`
      : `note: successful completion - role or privilege not assigned. \`${command}\` has no effect. The role or privilege is not assigned.`,
  category: 'SECURITY',
  position: null,
});
export const homeNotFound = (database: string) => ({
  code: 'Neo.ClientNotification.Database.HomeDatabaseNotFound',
  gqlStatus: '00N50',
  severity: 'INFORMATION',
  title: 'The request referred to a home database that does not exist.',
  description: `The home database provided does not currently exist in the DBMS. This command will not take effect until this database is created. (HOME DATABASE: \`${database}\`)`,
  statusDescription: `note: successful completion - home database not found. The database \`${database}\` does not exist. Verify that the spelling is correct or create the database for the command to take effect.`,
  category: 'UNRECOGNIZED',
  // Neo4j's NotificationWrapping gives HomeDatabaseNotPresent InputPosition.NONE, not "empty".
  position: { offset: 0, line: 0, column: 0 },
});
export const providerNotDefined = (provider: string) => ({
  code: 'Neo.ClientNotification.Security.AuthProviderNotDefined',
  gqlStatus: '00N72',
  severity: 'INFORMATION',
  title: 'The auth provider is not defined.',
  description: `The auth provider \`${provider}\` is not defined in the configuration. Verify that the spelling is correct or define \`${provider}\` in the configuration.`,
  statusDescription: `note: successful completion - undefined auth provider. The auth provider \`${provider}\` is not defined in the configuration. Verify that the spelling is correct or define \`${provider}\` in the configuration.`,
  category: 'SECURITY',
  position: null,
});
export const externalAuthNotEnabled = {
  code: 'Neo.ClientNotification.Security.ExternalAuthNotEnabled',
  gqlStatus: '01N71',
  severity: 'WARNING',
  title: 'External auth for user is not enabled.',
  description: 'Use setting `dbms.security.require_local_user` to enable external auth.',
  statusDescription: 'warn: external auth disabled. Use the setting `dbms.security.require_local_user` to enable external auth.',
  category: 'SECURITY',
  position: null,
};
