using Panoptic.Abstractions.Modeling;

namespace Panoptic.Abstractions.Evaluation;

/// <summary>Accumulates predictions and computes metrics (detectron2 <c>DatasetEvaluator</c>: Reset / Process / Evaluate).</summary>
public interface IEvaluator
{
    /// <summary>Forgets everything processed so far.</summary>
    void Reset();

    /// <summary>Records one batch of inputs and the model's outputs for them.</summary>
    void Process(IReadOnlyList<ModelInput> inputs, IReadOnlyList<ModelOutput> outputs);

    /// <summary>Metrics by task (<c>bbox</c>, <c>segm</c>, <c>panoptic</c>) then by name (<c>AP</c>, <c>AP50</c>, <c>PQ</c>, …).</summary>
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Evaluate();
}
