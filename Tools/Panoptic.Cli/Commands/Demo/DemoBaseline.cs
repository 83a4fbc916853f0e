using Microsoft.Extensions.DependencyInjection;
using Panoptic.Abstractions.Evaluation;
using Panoptic.Abstractions.Modeling;
using Panoptic.Core.Config.Sections;
using Panoptic.Core.Data.Loading;
using Panoptic.Core.Engine.Evaluation;
using Panoptic.Core.Hosting;
using Panoptic.Torch.NN;

namespace Panoptic.Cli.Commands.Demo;

/// <summary>The report's "before training" column: the config's evaluation of the freshly initialised model.</summary>
internal static class DemoBaseline
{
    /// <returns>The metrics (named as training logs them), or null when the config has no evaluation.</returns>
    public static IReadOnlyDictionary<string, double>? Evaluate(PanopticRuntime runtime, ulong seed, string outputDir)
    {
        var config = runtime.Config!;
        var pipeline = DataPipeline.From(runtime.Services);
        var (evaluation, _) = DatasetEvaluation.FromConfig(pipeline, config.Section<TestSection>(), runtime.Services.GetRequiredService<EvaluatorRegistry>(), outputDir);
        if (evaluation is null)
            return null;
        Panoptic.Torch.Torch.ManualSeed(seed);
        var metadata = pipeline.LoadTest()[0].Metadata;
        using var model = (Module)runtime.Services.GetRequiredService<MetaArchitectureRegistry>().Build(config.Model!, new MetaArchitectureContext(metadata));
        model.Eval();
        return evaluation.Evaluate((IMetaArchitecture)model);
    }
}
