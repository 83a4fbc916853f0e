using System.ComponentModel.DataAnnotations;
using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Config;
using Panoptic.Abstractions.Data;
using Panoptic.Abstractions.Engine;
using Panoptic.Core.Config.Binding;
using Panoptic.Core.Config.Loading;
using Panoptic.Core.Config.Sections;
using Panoptic.Core.Hosting;
using Panoptic.Core.Registry;

namespace Panoptic.Core.Tests.Support;

public enum Flavour
{
    Plain,
    SmoothL1,
}

/// <summary>A nested record.</summary>
public sealed record InnerOptions : ConfigOptions
{
    [Range(0.0, 1.0)]
    public double Ratio { get; init; } = 0.25;

    public IReadOnlyList<IReadOnlyList<int>> Grid { get; init; } = [[1], [2]];
}

/// <summary>Every supported key type, declared (options only) as an LR schedule named <c>Sampler</c>.</summary>
[Component("Sampler", Kind = typeof(ILRSchedule))]
public sealed record SampleOptions : ComponentOptions
{
    [Range(0, 32)]
    public int NumConv { get; init; } = 4;

    [Range(0.0, 10.0, MinimumIsExclusive = true)]
    public double Scale { get; init; } = 1.0;

    public bool Enabled { get; init; } = true;

    [AllowedValues("", "BN", "GN")]
    public string Norm { get; init; } = "";

    public Flavour Flavour { get; init; } = Flavour.Plain;

    [Range(1, int.MaxValue)]
    public IReadOnlyList<int> Steps { get; init; } = [60000, 80000];

    public int? Limit { get; init; }

    [ConfigPath]
    public string? Root { get; init; }

    public InnerOptions Inner { get; init; } = new();

    public ComponentSpec<ILRSchedule>? Child { get; init; }

    [ConfigKey("stride_in_1x1")]
    public bool StrideIn1x1 { get; init; }

    public override IEnumerable<OptionsViolation> Validate()
    {
        if (Steps.Count > 1 && Steps[1] <= Steps[0])
            yield return new OptionsViolation("steps", "steps must increase");
    }
}

/// <summary>A required key.</summary>
[Component("NeedsRoot", Kind = typeof(IDatasetSource))]
public sealed record NeedsRootOptions : ComponentOptions
{
    [ConfigPath]
    public required string Root { get; init; }
}

/// <summary>Options of <see cref="StepSchedule"/>.</summary>
public sealed record StepScheduleOptions : ComponentOptions
{
    [Range(0.0, 1.0)]
    public double Gamma { get; init; } = 0.1;
}

/// <summary>A buildable component: explicit constructor plus options constructor.</summary>
[Component("Step")]
public sealed class StepSchedule : ILRSchedule
{
    public StepSchedule(double gamma, IReadOnlyList<int> steps)
    {
        Gamma = gamma;
        Steps = steps;
    }

    public StepSchedule(StepScheduleOptions options, LRScheduleContext context) : this(options.Gamma, context.Steps)
    {
    }

    public double Gamma { get; }

    public IReadOnlyList<int> Steps { get; }

    public double Factor(int iteration) => Math.Pow(Gamma, Steps.Count(step => step <= iteration));
}

/// <summary>A root section for binder tests.</summary>
[ConfigSection("sample")]
public sealed record SampleSection : ConfigOptions
{
    public ComponentSpec<ILRSchedule> Schedule { get; init; } = ComponentSpec<ILRSchedule>.Named("Sampler");

    [Range(1, 100)]
    public int Count { get; init; } = 1;
}

internal static class SampleCatalog
{
    /// <summary>The host's sections plus <see cref="SampleSection"/>.</summary>
    public static readonly SectionCatalog Sections =
        SectionCatalog.Create([typeof(PanopticRuntime).Assembly, typeof(SampleSection).Assembly]);

    /// <summary>Loads and binds a config file against the sample sections and components.</summary>
    public static ResolvedConfig Bind(string path, params string[] overrides) =>
        ConfigBinder.Bind(ConfigLoader.Load(path, overrides), Sections, Create());

    /// <summary>A catalog holding the sample components above.</summary>
    public static ComponentCatalog Create()
    {
        var catalog = new ComponentCatalog(() => ["/plugins/a (test)", "/plugins/b (test)"]);
        catalog.AddTypes([typeof(SampleOptions), typeof(NeedsRootOptions), typeof(StepSchedule)]);
        return catalog;
    }

    public static LRScheduleContext Context(int maxIterations = 100) => new(maxIterations, [10, 20], 0.1, 0.001, 5, WarmupMethod.Linear);
}
