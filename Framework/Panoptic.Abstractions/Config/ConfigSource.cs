namespace Panoptic.Abstractions.Config;

/// <summary>Where a config value came from: a YAML file position, a command-line override, or a default.</summary>
public abstract record ConfigSource
{
    private ConfigSource()
    {
    }

    /// <summary>A position in a YAML file (1-based line and column).</summary>
    public sealed record File(string Path, int Line, int Column) : ConfigSource
    {
        /// <summary>The directory relative paths written in this file are resolved against.</summary>
        public override string BaseDirectory => System.IO.Path.GetDirectoryName(Path) ?? ".";

        public override string ToString() => $"{DisplayPath(Path)}:{Line}:{Column}";
    }

    /// <summary>A <c>key.path=value</c> override given on the command line (or by code).</summary>
    public sealed record CommandLine(string Override) : ConfigSource
    {
        public override string BaseDirectory => Directory.GetCurrentDirectory();

        public override string ToString() => $"command line '{Override}'";
    }

    /// <summary>The default of an options record property.</summary>
    public sealed record Default(string Owner) : ConfigSource
    {
        public override string BaseDirectory => Directory.GetCurrentDirectory();

        public override string ToString() => $"default of {Owner}";
    }

    /// <summary>The directory relative paths set here are resolved against.</summary>
    public abstract string BaseDirectory { get; }

    /// <summary>A path relative to the working directory when it lies below it, else the path as is.</summary>
    public static string DisplayPath(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var relative = System.IO.Path.GetRelativePath(Directory.GetCurrentDirectory(), full);
        return relative.StartsWith("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(relative) ? full : relative;
    }
}
