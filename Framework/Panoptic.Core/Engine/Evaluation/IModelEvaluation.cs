using Panoptic.Abstractions.Modeling;

namespace Panoptic.Core.Engine.Evaluation;

/// <summary>
/// Evaluates the model being trained (periodically and at the end): runs it on the test data and returns its metrics
/// as <c>task/metric</c> → value (<c>segm/AP</c>, <c>panoptic/PQ</c>). The trainer puts the model in eval mode
/// around the call.
/// </summary>
public interface IModelEvaluation
{
    IReadOnlyDictionary<string, double> Evaluate(IMetaArchitecture model);
}
