namespace Panoptic.Core.Sweeps;

/// <summary>
/// A sweep file or one of its variants is invalid (the message names the sweep file with line:column, the variant, the
/// key and "did you mean …"). The command line maps it to exit code 2.
/// </summary>
public sealed class SweepConfigException(string message, Exception? inner = null) : Exception(message, inner);
