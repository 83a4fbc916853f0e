using System.ComponentModel.DataAnnotations;
using Panoptic.Abstractions.Config;

namespace Panoptic.TestPlugins.Greeting;

/// <summary>A top-level section a plugin adds (<c>greeting:</c>).</summary>
[ConfigSection("greeting")]
public sealed record GreetingSection : ConfigOptions
{
    public string Text { get; init; } = "hello";

    [Range(1, 10)]
    public int Repeat { get; init; } = 1;
}
