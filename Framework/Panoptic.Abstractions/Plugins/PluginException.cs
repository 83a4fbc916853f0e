namespace Panoptic.Abstractions.Plugins;

/// <summary>
/// A plugin or component could not be found, loaded or built: a problem of the user's setup, not a bug
/// (the command line maps it to exit code 2). Messages name the folders scanned and the nearest names.
/// </summary>
public sealed class PluginException : Exception
{
    public PluginException(string message) : base(message)
    {
    }

    public PluginException(string message, Exception inner) : base(message, inner)
    {
    }
}
