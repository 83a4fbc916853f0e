namespace Panoptic.Plugins.Engine.Hooks;

/// <summary>
/// A hook's options do not fit the run (e.g. a metric the evaluation does not produce). The command line treats it as
/// bad input (exit code 2), like any <c>*ConfigException</c>.
/// </summary>
public sealed class HookConfigException(string message) : Exception(message);
