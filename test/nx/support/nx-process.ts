/**
 * The environment the nx tests run nx in: the caller's, without any NX_ variable it may have set
 * (a developer's NX_ISOLATE_PLUGINS or NX_DAEMON would change what is measured), with the daemon,
 * Nx Cloud, the terminal UI and colours off.
 */
export function nxEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith("NX_")) env[key] = value;
  return { ...env, NX_DAEMON: "false", NX_NO_CLOUD: "true", NX_TUI: "false", NO_COLOR: "1", FORCE_COLOR: "0" };
}
