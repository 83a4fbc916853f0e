using Panoptic.Abstractions.Evaluation;
using Panoptic.Abstractions.Modeling;
using Panoptic.Core.Config.Sections;
using Panoptic.Core.Data.Loading;

namespace Panoptic.Core.Engine.Evaluation;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// The config's evaluation (detectron2 <c>inference_on_dataset</c>): each <c>dataset.test</c> source through the test
/// loader, the model's predictions into fresh <c>test.evaluators</c> (Reset / Process / Evaluate). Metrics are named
/// <c>task/metric</c>; with several test datasets <c>dataset/task/metric</c>.
/// </summary>
public sealed class DatasetEvaluation : IModelEvaluation
{
    private readonly DataPipeline _pipeline;
    private readonly IReadOnlyList<LoadedDataset> _datasets;
    private readonly Func<LoadedDataset, IReadOnlyList<IEvaluator>> _evaluators;

    /// <param name="pipeline">Makes the test loaders.</param>
    /// <param name="datasets">The test datasets (<see cref="DataPipeline.LoadTest"/>).</param>
    /// <param name="evaluators">New evaluators for one dataset.</param>
    public DatasetEvaluation(DataPipeline pipeline, IReadOnlyList<LoadedDataset> datasets, Func<LoadedDataset, IReadOnlyList<IEvaluator>> evaluators)
    {
        _pipeline = pipeline;
        _datasets = datasets;
        _evaluators = evaluators;
    }

    /// <summary>
    /// The evaluation a config describes, or null (with the reason) when it has no test dataset or no evaluator —
    /// training then runs without evaluation.
    /// </summary>
    public static (DatasetEvaluation? Evaluation, string Note) FromConfig(DataPipeline pipeline, TestSection test, EvaluatorRegistry registry, string outputDir)
    {
        if (pipeline.Section.Test.Count == 0)
            return (null, "no evaluation: dataset.test is empty");
        if (test.Evaluators.Count == 0)
            return (null, "no evaluation: test.evaluators is empty");
        var datasets = pipeline.LoadTest();
        return (new DatasetEvaluation(pipeline, datasets, dataset =>
        {
            var folder = Path.Combine(outputDir, "inference", dataset.Name);
            return test.Evaluators.Select(spec => registry.Build(spec, new EvaluatorContext(dataset.Metadata, folder))).ToList();
        }), $"evaluation: {string.Join(", ", test.Evaluators.Select(e => e.Name))} on {string.Join(", ", datasets.Select(d => $"{d.Name} ({d.Records.Count} images)"))}");
    }

    public IReadOnlyDictionary<string, double> Evaluate(IMetaArchitecture model)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var dataset in _datasets)
        {
            var evaluators = _evaluators(dataset);
            foreach (var evaluator in evaluators)
                evaluator.Reset();
            foreach (var batch in _pipeline.TestLoader(dataset).Batches())
            {
                using (batch)
                using (Torch.NoGrad())
                using (var scope = Torch.NewDisposeScope())
                {
                    var outputs = model.Inference(batch.Inputs);
                    foreach (var evaluator in evaluators)
                        evaluator.Process(batch.Inputs, outputs);
                }
            }
            var prefix = _datasets.Count == 1 ? "" : dataset.Name + "/";
            foreach (var evaluator in evaluators)
            {
                foreach (var (task, values) in evaluator.Evaluate())
                {
                    foreach (var (name, value) in values)
                        metrics[$"{prefix}{task}/{name}"] = value;
                }
            }
        }
        return metrics;
    }
}
